// Serialises writes that must not interleave between two members (or a member
// and the reminder trigger): a case ID taken twice, a row overwritten.

export const LOCK_WAIT_MS = 5_000;
export const BUSY_MESSAGE = 'Another member is saving to the tracker right now. Nothing was changed: please try again in a few seconds.';

export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  return withLock(LockService.getDocumentLock(), work, waitMs);
}

export function withLock<T>(lock: GoogleAppsScript.Lock.Lock, work: () => T, waitMs = LOCK_WAIT_MS): T {
  if (!lock.tryLock(waitMs)) throw new Error(BUSY_MESSAGE);
  try {
    const result = work();
    SpreadsheetApp.flush(); // commit the writes before another execution can read
    return result;
  } finally {
    lock.releaseLock();
  }
}
