// Gmail drafts through the Gmail advanced service (`Gmail.Users.Drafts.create`),
// which needs only the gmail.compose scope. GmailApp would need full access to
// the member's whole mailbox (https://mail.google.com/), which a confidential
// team should not grant. The add-on creates drafts; a member reviews and sends.

import { rawMessage, type MimeInput } from '../core/mime';

const GMAIL_MISSING =
  'The Gmail advanced service is not enabled for this script, so no draft can be created. ' +
  'Ask whoever installed the add-on to enable it (appsscript.json: Gmail, v1).';

/** Creates one draft from the user's own mailbox and returns its ID. */
export function createGmailDraft(message: MimeInput): string {
  if (typeof Gmail === 'undefined' || !Gmail?.Users?.Drafts) throw new Error(GMAIL_MISSING);
  const draft = Gmail.Users.Drafts.create({ message: { raw: rawMessage(message) } }, 'me');
  const id = draft?.id;
  if (!id) throw new Error('Gmail did not return a draft ID; check your Drafts folder before trying again.');
  return id;
}

/** Deletes a draft the add-on made (Gmail's drafts.delete, needs only gmail.compose). */
export function deleteGmailDraft(id: string): void {
  if (typeof Gmail === 'undefined' || !Gmail?.Users?.Drafts) throw new Error(GMAIL_MISSING);
  Gmail.Users.Drafts.remove('me', id);
}
