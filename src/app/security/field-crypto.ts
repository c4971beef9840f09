import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors';

/** One key source: an id stored with every value it encrypts, and the secret it derives from. */
export interface KeyMaterial {
  id: string;
  secret: string;
}

export interface KeyringOptions {
  /** Every key that may still be needed to read stored values. */
  keys: KeyMaterial[];
  /** Key used for new values; defaults to the last key listed. */
  activeKeyId?: string;
  /**
   * Key whose derived HMAC key computes lookup hashes; defaults to the first key listed. Hashes
   * must stay comparable across encryption-key rotations, so this changes only together with a
   * job that recomputes every stored hash.
   */
  hashKeyId?: string;
}

const VERSION = 'v1';
const SALT = Buffer.from('tierdesk/field-crypto/v1');
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Why a stored value could not be decrypted, in `details.reason` of the error. */
export type DecryptFailure = 'malformed' | 'unknown-key' | 'unauthentic';

function decryptError(reason: DecryptFailure, message: string, keyId?: string): DomainError {
  return new DomainError('INTERNAL', message, { reason, ...(keyId ? { keyId } : {}) });
}

/**
 * Encrypts personal data at rest with AES-256-GCM and computes keyed lookup hashes. Keys are
 * derived with HKDF-SHA256 from each secret and its key id, separately for encryption and for
 * hashing, so one leaked derived key reveals nothing about the other.
 *
 * A value is stored as `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts, 12-byte random
 * IV, 16-byte tag). The key id lets keys rotate: add a key, make it active, and old values stay
 * readable until re-encrypted.
 */
export class FieldKeyring {
  readonly activeKeyId: string;
  readonly hashKeyId: string;
  private readonly encKeys = new Map<string, Buffer>();
  private readonly hashKey: Buffer;

  constructor(opts: KeyringOptions) {
    if (opts.keys.length === 0) throw new Error('a keyring needs at least one key');
    const secrets = new Map<string, string>();
    for (const k of opts.keys) {
      if (!KEY_ID.test(k.id)) throw new Error(`key id "${k.id}" must be 1-32 of A-Z a-z 0-9 _ -`);
      if (k.secret.length < 32) {
        throw new Error(`secret of key "${k.id}" is shorter than 32 characters`);
      }
      if (secrets.has(k.id)) throw new Error(`key id "${k.id}" is listed twice`);
      secrets.set(k.id, k.secret);
      this.encKeys.set(k.id, derive(k.secret, `enc:${k.id}`));
    }
    this.activeKeyId = opts.activeKeyId ?? opts.keys[opts.keys.length - 1]!.id;
    this.hashKeyId = opts.hashKeyId ?? opts.keys[0]!.id;
    const hashSecret = secrets.get(this.hashKeyId);
    if (!this.encKeys.has(this.activeKeyId)) {
      throw new Error(`active key "${this.activeKeyId}" is not in the keyring`);
    }
    if (!hashSecret) throw new Error(`hash key "${this.hashKeyId}" is not in the keyring`);
    this.hashKey = derive(hashSecret, `hash:${this.hashKeyId}`);
  }

  /**
   * Encrypts text with the active key. `context` (e.g. "contact.phone") is authenticated but not
   * stored: decrypting needs the same context, so a value copied into another column fails.
   * @example keyring.encrypt('13812345678', 'contact.phone') // 'v1:k1:…:…:…'
   */
  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKeys.get(this.activeKeyId)!, iv);
    cipher.setAAD(aad(this.activeKeyId, context));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.activeKeyId, b64(iv), b64(tag), b64(ct)].join(':');
  }

  /**
   * Decrypts a value made by {@link encrypt}. A malformed value, an unknown key id, a wrong key
   * or context, and any tampering each throw DomainError('INTERNAL') with `details.reason`.
   */
  decrypt(token: string, context = ''): string {
    const parts = token.split(':');
    const [version, keyId, ivText, tagText, ctText] = parts;
    if (
      parts.length !== 5 ||
      version !== VERSION ||
      !keyId ||
      !ivText ||
      !tagText ||
      ctText === undefined
    ) {
      throw decryptError(
        'malformed',
        'encrypted value is not in the v1:<keyId>:<iv>:<tag>:<data> form',
      );
    }
    const key = this.encKeys.get(keyId);
    if (!key)
      throw decryptError(
        'unknown-key',
        `encrypted value uses key "${keyId}", which is not configured`,
        keyId,
      );
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== 12 || tag.length !== 16) {
      throw decryptError('malformed', 'encrypted value has a bad IV or tag length', keyId);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad(keyId, context));
      decipher.setAuthTag(tag);
      const pt = Buffer.concat([
        decipher.update(Buffer.from(ctText, 'base64url')),
        decipher.final(),
      ]);
      return pt.toString('utf8');
    } catch {
      throw decryptError(
        'unauthentic',
        `encrypted value failed authentication with key "${keyId}": wrong key or context, or the value was altered`,
        keyId,
      );
    }
  }

  /** The key id a stored value was encrypted with, or undefined when it is not a v1 value. */
  keyIdOf(token: string): string | undefined {
    const [version, keyId] = token.split(':', 3);
    return version === VERSION && keyId && KEY_ID.test(keyId) ? keyId : undefined;
  }

  /** Re-encrypts a value under the active key when it was written with another; else returns it. */
  reencrypt(token: string, context = ''): string {
    return this.keyIdOf(token) === this.activeKeyId
      ? token
      : this.encrypt(this.decrypt(token, context), context);
  }

  /**
   * HMAC-SHA256 of an already normalised value, base64url (43 characters), for exact lookup and
   * duplicate detection without decrypting. `kind` separates namespaces, so a phone number and
   * an ID number that happen to share digits never collide.
   * @example keyring.hash('phone', '13812345678') === keyring.hash('phone', '13812345678') // true
   */
  hash(kind: string, normalized: string): string {
    return createHmac('sha256', this.hashKey)
      .update(`${kind}\u0000${normalized}`, 'utf8')
      .digest('base64url');
  }
}

function derive(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, info, 32));
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');
}

function b64(b: Buffer): string {
  return b.toString('base64url');
}

/**
 * The keyring for a deployment with one app secret (config `secret`): a single key "k1".
 * Rotation later adds keys with {@link FieldKeyring} directly.
 * @example const keyring = keyringFromSecret(config.secret);
 */
export function keyringFromSecret(secret: string, keyId = 'k1'): FieldKeyring {
  return new FieldKeyring({ keys: [{ id: keyId, secret }] });
}
