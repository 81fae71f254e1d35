// One digest as one email through MailApp (the script.send_mail scope), from the
// member who owns the reminder trigger.

import { formatDigest } from '../core/digest-format';
import type { Digest } from '../core/reminders';

/** The sender name on every digest. */
export const SENDER_NAME = 'IRT Case Tracker';

export function sendDigestEmail(digest: Digest, dateFormat: string): void {
  const email = formatDigest(digest, { dateFormat });
  MailApp.sendEmail({ to: digest.recipient, subject: email.subject, body: email.text, htmlBody: email.html, name: SENDER_NAME });
}
