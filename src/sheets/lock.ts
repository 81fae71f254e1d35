// Serialises writes that must not interleave between two members (or a member
// and the reminder trigger): a case ID taken twice, a row overwritten.

const LOCK_WAIT_MS = 5_000;
const BUSY_MESSAGE = 'Another member is saving to the tracker right now. Nothing was changed: please try again in a few seconds.';

export type Locked<T> = { ran: true; value: T } | { ran: false };

export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  return withLock(LockService.getDocumentLock(), work, waitMs);
}

function withLock<T>(lock: GoogleAppsScript.Lock.Lock, work: () => T, waitMs = LOCK_WAIT_MS): T {
  const locked = whenLocked(lock, work, waitMs);
  if (!locked.ran) throw new Error(BUSY_MESSAGE);
  return locked.value;
}

/** Like withDocumentLock, but answers `ran: false` instead of throwing: for triggers, where nobody reads an error. */
export function whenDocumentLocked<T>(work: () => T, waitMs: number): Locked<T> {
  // Null outside a document's context (a standalone script): then nothing may be written.
  const lock = LockService.getDocumentLock();
  return lock ? whenLocked(lock, work, waitMs) : { ran: false };
}

function whenLocked<T>(lock: GoogleAppsScript.Lock.Lock, work: () => T, waitMs: number): Locked<T> {
  if (!lock.tryLock(waitMs)) return { ran: false };
  try {
    const value = work();
    SpreadsheetApp.flush(); // commit the writes before another execution can read
    return { ran: true, value };
  } finally {
    lock.releaseLock();
  }
}

/** Whether an error is withLock's refusal because another execution held the lock. */
export function isLockBusy(error: unknown): boolean {
  return (error as Error | undefined)?.message === BUSY_MESSAGE;
}
