import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import {
  completeUtf8Length,
  firstInvalidUtf8,
  type TextEncoding,
} from '../../domain/import/detect-encoding';
import { fileError } from '../../domain/import/file-error';

/**
 * Strict UTF-8 check that passes the bytes through unchanged: invalid bytes anywhere in the
 * file stop the import with the line they are on and a hint to choose GBK, instead of turning
 * into replacement characters that would be stored as data. The readers decode UTF-8 buffers
 * themselves, so handing them bytes (cut only between characters) avoids decoding twice.
 */
class Utf8Validator extends Transform {
  private carry = Buffer.alloc(0);
  private line = 1;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const complete = bytes.subarray(0, completeUtf8Length(bytes));
    if (!isUtf8(complete)) {
      done(this.invalid(complete));
      return;
    }
    for (let i = complete.indexOf(0x0a); i >= 0; i = complete.indexOf(0x0a, i + 1)) this.line++;
    // Copied, so the (up to 3-byte) tail does not keep the whole chunk alive.
    this.carry = Buffer.from(bytes.subarray(complete.length));
    done(null, complete);
  }

  override _flush(done: TransformCallback): void {
    done(this.carry.length > 0 ? this.invalid(this.carry) : null);
  }

  /** The error for invalid bytes, pointing at the line of the first bad byte. */
  private invalid(bytes: Buffer): Error {
    const bad = firstInvalidUtf8(bytes);
    const before = bad < 0 ? bytes : bytes.subarray(0, bad);
    let line = this.line;
    for (let i = before.indexOf(0x0a); i >= 0; i = before.indexOf(0x0a, i + 1)) line++;
    return fileError(
      'encoding',
      `the file is not valid UTF-8 (line ${line}); if it was saved by Chinese Excel, choose the GBK encoding`,
      { row: line, expected: 'UTF-8 text, or choose GBK / GB18030' },
    );
  }
}

/**
 * A Transform from bytes in `encoding` to UTF-8 text (string or Buffer chunks), streaming: a
 * chunk in memory at a time, whatever the file size. UTF-8 is checked strictly (see above);
 * GB18030 and UTF-16 are decoded by iconv-lite, which never fails on input.
 */
export function createDecoder(encoding: TextEncoding): Transform {
  if (encoding === 'utf-8') return new Utf8Validator();
  // iconv-lite's types say NodeJS.ReadWriteStream; at run time it is a stream.Transform.
  return iconv.decodeStream(encoding, { stripBOM: false }) as unknown as Transform;
}

/**
 * The text of a file as a stream of UTF-8 chunks (strings or Buffers cut between characters),
 * the byte-order mark (`skip` bytes) left out.
 * An error in reading or decoding ends the stream with that error, so an async iteration over it
 * throws instead of stopping early.
 */
export function openTextStream(path: string, encoding: TextEncoding, skip: number): Readable {
  const decoder = createDecoder(encoding);
  pipeline(createReadStream(path, { start: skip, highWaterMark: 64 * 1024 }), decoder, () => {
    // Errors reach the consumer through `decoder`, which pipeline destroys with them.
  });
  return decoder;
}
