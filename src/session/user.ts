// Who is running this execution. Google withholds addresses in some contexts
// (consumer accounts, simple triggers): then the answer is '' rather than a throw.

function emailOf(user: () => GoogleAppsScript.Base.User): string {
  try {
    return user().getEmail();
  } catch {
    return '';
  }
}

/** The member at the keyboard (for the Log's User column). */
export function activeUserEmail(): string {
  return emailOf(() => Session.getActiveUser());
}

/** Whose authority the script runs with: in a trigger, its owner (who sends the digests). */
export function effectiveUserEmail(): string {
  return emailOf(() => Session.getEffectiveUser());
}
