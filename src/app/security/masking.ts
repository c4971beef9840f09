import { parsePhone } from '../../domain/customers/normalize-phone';

/** Keeps `head` leading and `tail` trailing characters and stars the rest, preserving length. */
function keepEnds(text: string, head: number, tail: number): string {
  const chars = [...text];
  if (chars.length <= head + tail) {
    // Too short to show both ends and still hide something: show only the last character.
    return chars.length <= 1 ? '*' : `${'*'.repeat(chars.length - 1)}${chars[chars.length - 1]}`;
  }
  const hidden = '*'.repeat(chars.length - head - tail);
  return `${chars.slice(0, head).join('')}${hidden}${chars.slice(chars.length - tail).join('')}`;
}

/**
 * A phone number for people not allowed to see it in full: the first three and last four digits
 * of a mobile (138****5678), the area code and last four digits of a landline (010-****5678).
 * Text that is not a phone number keeps only its last four characters.
 * @example maskPhone('+86 138 1234 5678') // '138****5678'
 */
export function maskPhone(phone: string): string {
  const parsed = parsePhone(phone);
  if (parsed?.kind === 'mobile') return keepEnds(parsed.number, 3, 4);
  if (parsed?.kind === 'landline') {
    const [area, local] = parsed.number.split('-');
    return `${area}-${keepEnds(local!, 0, 4)}`;
  }
  return keepEnds(phone.trim(), 0, 4);
}

/**
 * An e-mail address with all but the first character of the mailbox hidden and the domain kept
 * (it says which company, not who).
 * @example maskEmail('john.smith@example.com') // 'j***@example.com'
 */
export function maskEmail(email: string): string {
  const text = email.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0) return keepEnds(text, 1, 0);
  // A fixed number of stars hides the mailbox length too.
  return `${[...text.slice(0, at)][0]}***${text.slice(at)}`;
}

/**
 * An identity document number with the first four (region) and last four characters shown.
 * @example maskIdNumber('110101199003071234') // '1101**********1234'
 */
export function maskIdNumber(id: string): string {
  return keepEnds(id.replace(/\s+/g, ''), 4, 4);
}
