import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../domain/errors';
import { type BackupManifest, backupManifestSchema } from './manifest';

/**
 * A Tierdesk backup is one file: a first line naming the format, a second line holding the
 * manifest as JSON, then the engine's own payload (a SQLite database file, or a pg_dump archive
 * in custom format). The manifest can be read without touching the payload, and the payload's
 * SHA-256 in the manifest proves it arrived whole before anything is replaced.
 */
export const BACKUP_MAGIC = 'TIERDESK-BACKUP 1';

/** The manifest's line is short; a larger header means the file is something else. */
const MAX_HEADER_BYTES = 64 * 1024;

export interface BackupHeader {
  manifest: BackupManifest;
  /** Byte offset of the payload in the file. */
  payloadOffset: number;
}

function notABackup(file: string, why: string): DomainError {
  return new DomainError('VALIDATION', `${file} is not a Tierdesk backup: ${why}`, {
    issues: [{ field: 'file', message: why }],
  });
}

/** Streams a file through SHA-256 (hex), from `start` to its end. */
export async function sha256Of(file: string, start = 0): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { start }), hash);
  return hash.digest('hex');
}

/** Writes header and payload to `file` (the payload is copied from `payloadFile`). */
export async function writeBackupFile(
  file: string,
  manifest: BackupManifest,
  payloadFile: string,
): Promise<void> {
  const out = createWriteStream(file, { mode: 0o600 });
  out.write(`${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`);
  await pipeline(createReadStream(payloadFile), out);
}

/** Reads and validates the header of a backup file; refuses anything that is not one. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (e) {
    throw new DomainError('NOT_FOUND', `Cannot open ${file}: ${(e as Error).message}`);
  }
  try {
    const buf = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const first = head.indexOf(0x0a);
    if (first < 0 || head.subarray(0, first).toString('utf8') !== BACKUP_MAGIC)
      throw notABackup(file, `it does not start with "${BACKUP_MAGIC}"`);
    const second = head.indexOf(0x0a, first + 1);
    if (second < 0) throw notABackup(file, 'its manifest line is missing or too long');
    let json: unknown;
    try {
      json = JSON.parse(head.subarray(first + 1, second).toString('utf8'));
    } catch {
      throw notABackup(file, 'its manifest is not JSON');
    }
    const parsed = backupManifestSchema.safeParse(json);
    if (!parsed.success)
      throw notABackup(file, `its manifest is invalid (${parsed.error.message})`);
    return { manifest: parsed.data, payloadOffset: second + 1 };
  } finally {
    await handle.close();
  }
}

/** Refuses a backup whose payload differs from what its manifest recorded (cut short, altered). */
export async function verifyPayload(file: string, header: BackupHeader): Promise<void> {
  const digest = await sha256Of(file, header.payloadOffset);
  if (digest !== header.manifest.payloadSha256)
    throw notABackup(file, 'its content does not match its checksum (the file is damaged or cut)');
}

/** Copies the payload of a backup into a file of its own (for SQLite checks and installation). */
export async function extractPayload(file: string, header: BackupHeader, to: string) {
  await pipeline(
    createReadStream(file, { start: header.payloadOffset }),
    createWriteStream(to, { mode: 0o600 }),
  );
}
