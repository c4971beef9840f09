import { createReadStream } from 'node:fs';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { firstInvalidUtf8, type TextEncoding } from '../../domain/import/detect-encoding';
import { fileError } from '../../domain/import/file-error';

/**
 * Strict streaming UTF-8 decoder: invalid bytes anywhere in the file stop the import with the
 * line they are on and a hint to choose GBK, instead of turning into replacement characters
 * that would be stored as data.
 */
class Utf8Decoder extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.emitText(chunk, true, done);
  }

  override _flush(done: TransformCallback): void {
    this.emitText(new Uint8Array(0), false, done);
  }

  private emitText(bytes: Uint8Array, stream: boolean, done: TransformCallback): void {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream });
    } catch {
      // Point at the line of the first bad byte, not just the chunk it arrived in.
      const bad = firstInvalidUtf8(bytes);
      const before = bad < 0 ? bytes : bytes.subarray(0, bad);
      let line = this.line;
      for (const b of before) if (b === 0x0a) line++;
      done(
        fileError(
          'encoding',
          `the file is not valid UTF-8 (line ${line}); if it was saved by Chinese Excel, choose the GBK encoding`,
          { row: line, expected: 'UTF-8 text, or choose GBK / GB18030' },
        ),
      );
      return;
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
    done(null, text);
  }
}

/**
 * A Transform from bytes in `encoding` to text, streaming: a few KB in memory at a time,
 * whatever the file size. UTF-8 is decoded strictly (see above); GB18030 and UTF-16 through
 * iconv-lite, which never fails on input.
 */
export function createDecoder(encoding: TextEncoding): Transform {
  if (encoding === 'utf-8') return new Utf8Decoder();
  // iconv-lite's types say NodeJS.ReadWriteStream; at run time it is a stream.Transform.
  return iconv.decodeStream(encoding, { stripBOM: false }) as unknown as Transform;
}

/**
 * The text of a file as a stream of string chunks, the byte-order mark (`skip` bytes) left out.
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
