/**
 * The password policy, in one pure function so the API, the CLI and the web form say the same
 * thing. Length beats complexity (NIST SP 800-63B), but a floor of character kinds and a list of
 * the passwords tried first by every guessing tool stop the worst choices.
 */

/** Fewest characters a password may have. */
export const PASSWORD_MIN_LENGTH = 10;
/** Most characters (argon2 hashes anything, but a cap keeps a request from burning CPU). */
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Passwords that meet the length and character rules yet are among the first guesses of any
 * cracking list (and their obvious variants). Compared without case.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  'password123',
  'password1234',
  'password123!',
  'password@123',
  'p@ssw0rd123',
  'p@ssword123',
  'passw0rd123',
  'qwerty123456',
  'qwerty@123',
  'qwertyuiop1',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'abc123456789',
  'abcd@123456',
  'admin123456',
  'admin@12345',
  'administrator1',
  'welcome123',
  'welcome@123',
  'letmein1234',
  'iloveyou123',
  'changeme123',
  'changeme!23',
  'sunshine123',
  'football123',
  'baseball123',
  'trustno1234',
  'woaini1314',
  'woaini520!',
  'a1234567890',
  'aa123456789',
  'zxcvbnm123',
  'tierdesk123',
  'tierdesk2026',
];

const CLASSES: { test: RegExp; name: string }[] = [
  { test: /[a-z]/, name: 'lower-case letters' },
  { test: /[A-Z]/, name: 'capital letters' },
  { test: /[0-9]/, name: 'digits' },
  { test: /[^A-Za-z0-9]/, name: 'symbols' },
];

/**
 * Everything wrong with a password, as messages naming the rule (empty when it is fine):
 * at least 10 characters, at least 3 of lower case, capitals, digits and symbols, not
 * containing the username, not a well-known password. Pass the username when it is known.
 */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  const kinds = CLASSES.filter((c) => c.test.test(password)).length;
  if (kinds < 3) {
    problems.push(
      'password must mix at least 3 of: lower-case letters, capital letters, digits, symbols',
    );
  }
  const lower = password.toLowerCase();
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && lower.includes(name)) {
    problems.push('password must not contain the username');
  }
  if (COMMON_PASSWORDS.includes(lower)) {
    problems.push('password is too common; choose one that is not on lists of known passwords');
  }
  return problems;
}
