import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldKeyring, keyringFromSecret } from '../../src/app/security/field-crypto';
import { maskEmail, maskIdNumber, maskPhone } from '../../src/app/security/masking';
import {
  normalizePersonal,
  personalHash,
  protectPersonal,
} from '../../src/app/security/personal-data';
import { DomainError } from '../../src/domain/errors';

const SECRET_A = 'a'.repeat(40);
const SECRET_B = 'b'.repeat(40);

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details.reason;
  }
  throw new Error('expected an error');
}

describe('FieldKeyring encryption', () => {
  const keyring = keyringFromSecret(SECRET_A);

  it('round-trips any text and stores the key id with the value', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.string({ maxLength: 20 }),
        (text, context) => {
          const token = keyring.encrypt(text, context);
          expect(token).toMatch(/^v1:k1:[\w-]{16}:[\w-]{22}:[\w-]*$/);
          expect(keyring.decrypt(token, context)).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses a fresh IV every time', () => {
    expect(keyring.encrypt('13812345678')).not.toBe(keyring.encrypt('13812345678'));
  });

  it('refuses a wrong key, a wrong context, tampering and junk with a clear reason', () => {
    const token = keyring.encrypt('13812345678', 'contact.phone');
    expect(reasonOf(() => keyringFromSecret(SECRET_B).decrypt(token, 'contact.phone'))).toBe(
      'unauthentic',
    );
    expect(reasonOf(() => keyring.decrypt(token, 'contact.email'))).toBe('unauthentic');
    const parts = token.split(':');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    const tampered = [...parts.slice(0, 4), ct.toString('base64url')].join(':');
    expect(reasonOf(() => keyring.decrypt(tampered, 'contact.phone'))).toBe('unauthentic');
    expect(
      reasonOf(() => keyring.decrypt('v1:k9:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:', '')),
    ).toBe('unknown-key');
    expect(reasonOf(() => keyring.decrypt('13812345678'))).toBe('malformed');
    expect(reasonOf(() => keyring.decrypt('v1:k1:short:short:xx'))).toBe('malformed');
    try {
      keyringFromSecret(SECRET_B).decrypt(token, 'contact.phone');
    } catch (e) {
      expect((e as Error).message).toBe(
        'encrypted value failed authentication with key "k1": wrong key or context, or the value was altered',
      );
    }
  });

  it('reads every configured key and writes with the active one (rotation)', () => {
    const old = new FieldKeyring({ keys: [{ id: 'k1', secret: SECRET_A }] });
    const stored = old.encrypt('alice@example.com', 'contact.email');
    const rotated = new FieldKeyring({
      keys: [
        { id: 'k1', secret: SECRET_A },
        { id: 'k2', secret: SECRET_B },
      ],
    });
    expect(rotated.activeKeyId).toBe('k2');
    expect(rotated.decrypt(stored, 'contact.email')).toBe('alice@example.com');
    const fresh = rotated.encrypt('bob@example.com', 'contact.email');
    expect(rotated.keyIdOf(fresh)).toBe('k2');
    const moved = rotated.reencrypt(stored, 'contact.email');
    expect(rotated.keyIdOf(moved)).toBe('k2');
    expect(rotated.decrypt(moved, 'contact.email')).toBe('alice@example.com');
    expect(rotated.reencrypt(moved, 'contact.email')).toBe(moved);
    // Hashes stay comparable across the rotation: the hash key is still k1's.
    expect(rotated.hash('email', 'alice@example.com')).toBe(old.hash('email', 'alice@example.com'));
  });

  it('refuses a bad keyring configuration', () => {
    expect(() => new FieldKeyring({ keys: [] })).toThrow(/at least one key/);
    expect(() => keyringFromSecret('short')).toThrow(/shorter than 32/);
    expect(() => keyringFromSecret(SECRET_A, 'bad:id')).toThrow(/key id/);
    expect(
      () => new FieldKeyring({ keys: [{ id: 'k1', secret: SECRET_A }], activeKeyId: 'k2' }),
    ).toThrow(/not in the keyring/);
  });
});

describe('keyed hashes', () => {
  const keyring = keyringFromSecret(SECRET_A);

  it('are deterministic, keyed and separated by kind', () => {
    const h = keyring.hash('phone', '13812345678');
    expect(h).toMatch(/^[\w-]{43}$/);
    expect(keyring.hash('phone', '13812345678')).toBe(h);
    expect(keyring.hash('idNumber', '13812345678')).not.toBe(h);
    expect(keyringFromSecret(SECRET_B).hash('phone', '13812345678')).not.toBe(h);
  });

  it('hash the normalised value, so written variants find each other', () => {
    expect(personalHash(keyring, 'phone', '+86 138-1234-5678')).toBe(
      personalHash(keyring, 'phone', '13812345678'),
    );
    expect(personalHash(keyring, 'email', ' Alice@Example.com')).toBe(
      personalHash(keyring, 'email', 'alice@example.com'),
    );
    expect(personalHash(keyring, 'idNumber', '11010119900307123x')).toBe(
      personalHash(keyring, 'idNumber', '11010119900307123X'),
    );
    expect(normalizePersonal('phone', 'call 12-34')).toBe('1234');
  });

  it('protectPersonal returns ciphertext, hash and masked form together', () => {
    const p = protectPersonal(keyring, 'phone', ' 13812345678 ', 'contact.phone');
    expect(keyring.decrypt(p.ciphertext, 'contact.phone')).toBe('13812345678');
    expect(p.hash).toBe(keyring.hash('phone', '13812345678'));
    expect(p.masked).toBe('138****5678');
  });
});

describe('masking', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['010-12345678', '010-****5678'],
    ['0755 8765 4321', '0755-****4321'],
    ['62345678', '****5678'],
    ['12', '*2'],
  ])('phone %s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it.each([
    ['john@example.com', 'j***@example.com'],
    ['j@example.com', 'j***@example.com'],
    ['张三@例子.中国', '张***@例子.中国'],
    ['not-an-email', 'n***********'],
  ])('email %s → %s', (input, masked) => {
    expect(maskEmail(input)).toBe(masked);
  });

  it('ID numbers keep the region and the last four', () => {
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskIdNumber('110101900307123')).toBe('1101*******7123');
    expect(maskIdNumber('1101 0119 9003 0712 34')).toBe('1101**********1234');
  });
});
