import { normalizeEmail } from '../../domain/customers/normalize';
import { normalizePhone } from '../../domain/customers/normalize-phone';
import type { FieldKeyring } from './field-crypto';
import { maskEmail, maskIdNumber, maskPhone } from './masking';

/** Personal data kinds that are stored encrypted with a lookup hash beside them. */
export type PersonalDataKind = 'phone' | 'email' | 'idNumber';

/** What a row stores for one personal-data field. */
export interface ProtectedValue {
  /** `v1:<keyId>:…` ciphertext of the value as entered (trimmed). */
  ciphertext: string;
  /** Keyed hash of the normalised value, for exact lookup and duplicate detection. */
  hash: string;
  /** Masked form for people not allowed to see the value. */
  masked: string;
}

/**
 * The comparison form of a personal-data value: phone numbers canonical (falling back to the
 * digits when the number is not recognised), e-mail lower case, ID numbers without spaces and
 * with a lower-case check letter x upper-cased.
 * @example normalizePersonal('phone', '+86 138-1234-5678') // '13812345678'
 */
export function normalizePersonal(kind: PersonalDataKind, value: string): string {
  switch (kind) {
    case 'phone':
      return normalizePhone(value) ?? value.normalize('NFKC').replace(/[^\d+]/g, '');
    case 'email':
      return normalizeEmail(value);
    case 'idNumber':
      return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  }
}

/**
 * Keyed lookup hash of a value as entered: normalised first, so "138 1234 5678" and
 * "+8613812345678" find the same contact.
 */
export function personalHash(keyring: FieldKeyring, kind: PersonalDataKind, value: string): string {
  return keyring.hash(kind, normalizePersonal(kind, value));
}

/** The masked form of a value for its kind. */
export function maskPersonal(kind: PersonalDataKind, value: string): string {
  if (kind === 'phone') return maskPhone(value);
  if (kind === 'email') return maskEmail(value);
  return maskIdNumber(value);
}

/**
 * Everything a row stores for one personal-data field: ciphertext (bound to `context`, e.g.
 * "contact.phone"), lookup hash and masked form.
 * @example protectPersonal(keyring, 'phone', '13812345678', 'contact.phone').masked // '138****5678'
 */
export function protectPersonal(
  keyring: FieldKeyring,
  kind: PersonalDataKind,
  value: string,
  context: string,
): ProtectedValue {
  const trimmed = value.trim();
  return {
    ciphertext: keyring.encrypt(trimmed, context),
    hash: personalHash(keyring, kind, trimmed),
    masked: maskPersonal(kind, trimmed),
  };
}
