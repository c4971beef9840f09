/** What kind of number a phone string turned out to be. */
export type PhoneKind = 'mobile' | 'landline' | 'local' | 'service' | 'international';

/** A phone number split into its canonical form and an optional extension. */
export interface PhoneParts {
  kind: PhoneKind;
  /**
   * Canonical number: mobile `13812345678`; landline with area code `010-12345678` or
   * `0755-12345678`; landline without area code `12345678`; 400/800 service numbers
   * `4001234567`; other countries `+<digits>`.
   */
  number: string;
  /** Extension digits (转 123, ext. 123, #123), kept apart from the number. */
  extension?: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Splits a mainland landline (with its trunk 0) into area code and local number. Area codes
 * beginning 01 or 02 have two digits after the 0 (010 Beijing, 020–029 the large cities); all
 * others have three (0755 Shenzhen). Local numbers have 7 or 8 digits.
 */
function landline(digits: string): string | null {
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  return /^\d{7,8}$/.test(local) ? `${digits.slice(0, areaLength)}-${local}` : null;
}

/**
 * Parses a phone number as people type it: +86 / 0086 / 86 prefixes, spaces, dashes, dots,
 * brackets, full-width digits, and an extension after 转, 分机, ext or #. Returns null when the
 * text is not a plausible phone number.
 * @example parsePhone('+86 138-1234-5678') // { kind: 'mobile', number: '13812345678' }
 * @example parsePhone('(0755) 8765 4321 转 802') // { kind: 'landline', number: '0755-87654321', extension: '802' }
 */
export function parsePhone(input: string): PhoneParts | null {
  let text = input.normalize('NFKC').trim();
  let extension: string | undefined;
  // 010-12345678-8001 is the usual written form of a switchboard extension.
  const ext =
    /\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i.exec(text) ??
    /(?<=^\(?0[1-9]\d{1,2}\)?[\s-]?\d{3,4}[\s-]?\d{4})-(\d{1,6})$/.exec(text);
  if (ext) {
    extension = ext[1];
    text = text.slice(0, ext.index);
  }
  const compact = text.replace(/[\s\-–—.()/]/g, '');
  if (!/^\+?\d{5,20}$/.test(compact)) return null;
  const withExt = (p: Omit<PhoneParts, 'extension'>): PhoneParts =>
    extension ? { ...p, extension } : p;

  let national = compact;
  const cn = /^(?:\+86|0086)(\d+)$/.exec(compact);
  if (cn) {
    national = cn[1]!;
    // International format drops the trunk 0 of a landline (+86 10 1234 5678).
    if (!MOBILE.test(national) && !national.startsWith('0')) national = `0${national}`;
  } else if (compact.startsWith('+') || compact.startsWith('00')) {
    return withExt({ kind: 'international', number: `+${compact.replace(/^\+|^00/, '')}` });
  } else if (/^86(1[3-9]\d{9})$/.test(compact)) {
    // A bare 86 is taken as the country code only before a mobile number; before anything
    // else it is too likely to be the start of a local number.
    national = compact.slice(2);
  }

  if (MOBILE.test(national)) return withExt({ kind: 'mobile', number: national });
  if (/^[48]00\d{7}$/.test(national)) return withExt({ kind: 'service', number: national });
  if (national.startsWith('0')) {
    const number = landline(national);
    return number ? withExt({ kind: 'landline', number }) : null;
  }
  if (/^\d{7,8}$/.test(national)) return withExt({ kind: 'local', number: national });
  return null;
}

/**
 * The canonical form of a phone number for exact matching and keyed hashes (see
 * {@link parsePhone} for the forms), without the extension: two contacts on the same
 * switchboard share a number. Null when the text is not a plausible phone number.
 * @example normalizePhone('0086 13812345678') // '13812345678'
 * @example normalizePhone('021 6234 5678') // '021-62345678'
 */
export function normalizePhone(input: string): string | null {
  return parsePhone(input)?.number ?? null;
}
