import { fileError } from '../../domain/import/file-error';

/** Longest line (or CSV record) accepted by default: a missing quote or newline in a huge file
 * must fail fast instead of buffering gigabytes. */
export const DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

/**
 * Splits streamed text into lines with their 1-based numbers. CRLF, LF and lone CR all end a
 * line (a CR at the end of one chunk and an LF at the start of the next are one break). Only the
 * current line is held in memory; a line longer than `maxLength` characters is refused.
 */
export async function* readLines(
  text: AsyncIterable<string | Buffer>,
  maxLength = DEFAULT_MAX_LINE_LENGTH,
): AsyncGenerator<{ line: number; text: string }> {
  let carry = '';
  let line = 1;
  let afterCR = false;
  const breaks = /\r\n|\r|\n/g;
  for await (const chunk of text) {
    let s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (afterCR && s.startsWith('\n')) s = s.slice(1);
    afterCR = false;
    let start = 0;
    breaks.lastIndex = 0;
    for (let m = breaks.exec(s); m; m = breaks.exec(s)) {
      yield { line, text: carry + s.slice(start, m.index) };
      carry = '';
      line++;
      start = m.index + m[0].length;
      if (m[0] === '\r' && start === s.length) afterCR = true;
    }
    carry += s.slice(start);
    if (carry.length > maxLength) {
      throw fileError('line-too-long', `line ${line} is longer than ${maxLength} characters`, {
        row: line,
        expected: 'lines ending in a line break',
      });
    }
  }
  if (carry.length > 0) yield { line, text: carry };
}
