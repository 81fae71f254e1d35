// The daily run's count of records due to be expunged, as one plain email to a
// triage member through MailApp.
import { expungeNotice } from '../core/retention';
import { SENDER_NAME } from './digest-mail';

export function sendExpungeNotice(to: string, count: number, expungedAutomatically: boolean, url: string): void {
  const notice = expungeNotice(count, expungedAutomatically, url);
  MailApp.sendEmail({ to, subject: notice.subject, body: notice.text, name: SENDER_NAME });
}
