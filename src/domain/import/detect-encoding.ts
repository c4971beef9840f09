/** Encodings the readers decode. GBK files are read as GB18030, its superset. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** What a user may choose; `gbk` is accepted as the name Chinese Excel shows. */
export const ENCODING_CHOICES = [
  'auto',
  'utf-8',
  'gbk',
  'gb18030',
  'utf-16le',
  'utf-16be',
] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start of the file, to skip. */
  bomLength: number;
  /** True when a BOM or an explicit choice decided; false for a guess from the bytes. */
  certain: boolean;
}

/**
 * How many leading bytes form complete UTF-8 sequences, so that a sample or a chunk cut in the
 * middle of a character is not mistaken for invalid UTF-8.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * True when the bytes are valid UTF-8 (a sequence cut off at the end counts as valid when
 * `truncated`, i.e. the bytes are only the start of the file).
 */
export function isValidUtf8(bytes: Uint8Array, truncated = false): boolean {
  const end = truncated ? completeUtf8Length(bytes) : bytes.length;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides the text encoding of a file from its first bytes: a byte-order mark wins (UTF-8,
 * UTF-16LE/BE); otherwise valid UTF-8 is UTF-8 and anything else is taken as GB18030, the
 * superset of the GBK that Chinese Excel writes. An explicit `choice` overrides the guess but a
 * BOM is still skipped. The guess sees only `head`; the UTF-8 decoder later refuses invalid
 * bytes further on with the line number, so a wrong guess is never silent.
 * @example detectEncoding(new Uint8Array([0xc4, 0xe3])).encoding // 'gb18030' (你 in GBK)
 */
export function detectEncoding(
  head: Uint8Array,
  choice: EncodingChoice = 'auto',
  truncated = true,
): DetectedEncoding {
  const bom = bomOf(head);
  if (choice !== 'auto') {
    const encoding: TextEncoding = choice === 'gbk' ? 'gb18030' : choice;
    return { encoding, bomLength: bom?.encoding === encoding ? bom.length : 0, certain: true };
  }
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, certain: true };
  return {
    encoding: isValidUtf8(head, truncated) ? 'utf-8' : 'gb18030',
    bomLength: 0,
    certain: false,
  };
}

function bomOf(b: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Index of the first byte that cannot be UTF-8, or -1. Continuation bytes at the very start are
 * skipped (they may finish a character begun in the previous chunk) and a sequence cut off at
 * the end is not an error (the next chunk may finish it).
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < 3 && i < b.length && (b[i]! & 0xc0) === 0x80) i++;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need =
      c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    // Second-byte ranges that rule out overlong forms, surrogates and code points past U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return -1;
      const n = b[i + k]!;
      if (k === 1 ? n < lo || n > hi : (n & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}
