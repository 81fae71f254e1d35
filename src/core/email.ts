// What an email address may be, wherever one enters: one rule for the new-case
// form, the panel, Settings, the Roster, people cells and drafts.

// Practical, not RFC 5322: one @, no spaces or brackets, a dot in the domain.
const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\.]+(\.[^\s@<>(),;:"[\]\\.]+)+$/;

/** The longest address mail can carry. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * Addresses are printable ASCII only. An invisible (U+200B), right-to-left (U+202E) or
 * look-alike letter makes one address read as another, and a mail header cannot carry
 * it (nor a NUL) as typed.
 */
export const NOT_PLAIN_ASCII =
  'holds a character other than plain ASCII letters, digits and punctuation (an invisible, right-to-left or accented character can make one address look like another): retype it';

/** Why a text is not a usable email address (a phrase to follow its name), or null when it is one. */
export function emailProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!EMAIL.test(trimmed) || trimmed.length > MAX_EMAIL_LENGTH) return 'is not a valid email address';
  // Shaped like an address, but with a character a reader cannot tell apart (or a header cannot carry).
  return /^[\x21-\x7e]+$/.test(trimmed) ? null : NOT_PLAIN_ASCII;
}

export function isEmail(text: string): boolean {
  return emailProblem(text) === null;
}
