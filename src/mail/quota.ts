// How many more emails MailApp may send today from the running member's account.
export function remainingMailQuota(): number {
  return Math.max(0, MailApp.getRemainingDailyQuota());
}
