/**
 * Splits a line of a whitespace-separated file (columns padded with runs of spaces or tabs,
 * like fixed-width reports) into its fields. Leading and trailing whitespace is ignored, so a
 * right-aligned first column does not produce an empty first field.
 * @example splitWhitespaceLine(' 00001 19970101  1   11.77') // ['00001', '19970101', '1', '11.77']
 */
export function splitWhitespaceLine(line: string): string[] {
  const t = line.trim();
  return t ? t.split(/[ \t\u3000]+/) : [];
}
