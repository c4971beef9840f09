import type { TextEncoding } from './detect-encoding';
import { fileError } from './file-error';
import type { ImportFileKind } from './row';

/** What the first bytes of a file say it is. */
type Sniffed = 'zip' | 'text' | 'xls' | 'pdf' | 'image' | 'archive' | 'binary';

const EXTENSIONS: Record<string, ImportFileKind | 'text'> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  txt: 'text',
  dat: 'text',
  prn: 'text',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

const DESCRIBE: Record<Sniffed, string> = {
  zip: 'a zip container (an XLSX workbook or a zip archive)',
  text: 'plain text',
  xls: 'a legacy Excel 97-2003 (.xls) workbook',
  pdf: 'a PDF document',
  image: 'an image',
  archive: 'a compressed archive',
  binary: 'binary data',
};

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

/** Classifies the first bytes by magic number, then by the share of control bytes. */
export function sniffBytes(head: Uint8Array, encoding?: TextEncoding): Sniffed {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return 'zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, [0x47, 0x49, 0x46, 0x38])
  ) {
    return 'image';
  }
  if (
    startsWith(head, [0x1f, 0x8b]) ||
    startsWith(head, [0x37, 0x7a, 0xbc, 0xaf]) ||
    startsWith(head, [0x52, 0x61, 0x72, 0x21])
  ) {
    return 'archive';
  }
  // UTF-16 text is full of zero bytes by design; judge it by its decoded text instead.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'text';
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary';
    // Tab, LF, FF, CR and the DOS end-of-file mark (0x1a) occur in real text exports.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) control++;
  }
  return control > head.length / 100 ? 'binary' : 'text';
}

/**
 * The delimiter of a delimited text file from its header line: whichever of tab, comma,
 * semicolon and pipe occurs most outside quotes; none of them means whitespace-separated.
 */
export function sniffDelimiter(firstLine: string): '\t' | ',' | ';' | '|' | null {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\t' || ch === ',' || ch === ';' || ch === '|')) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best: '\t' | ',' | ';' | '|' | null = null;
  for (const d of ['\t', ',', ';', '|'] as const) {
    if ((counts.get(d) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = d;
  }
  return best;
}

export interface DetectedFileKind {
  kind: ImportFileKind;
  /** Field delimiter for csv and tsv. */
  delimiter?: string;
}

/**
 * Decides how to read a file from its name, size and first bytes, and refuses, with a clear
 * reason, an empty file, an unsupported extension, and a file whose content is not what its
 * extension says (an XLSX named .csv, a PDF named .txt, text named .xlsx). `override` picks
 * the format explicitly but cannot make binary content readable as text. `firstLine` is the
 * decoded header line, used to find the delimiter of .csv and .txt files.
 */
export function detectFileKind(input: {
  fileName: string;
  size: number;
  head: Uint8Array;
  encoding?: TextEncoding;
  firstLine?: string;
  override?: ImportFileKind;
}): DetectedFileKind {
  const { fileName, size, head } = input;
  if (size === 0 || head.length === 0) {
    throw fileError('empty-file', `${fileName} is empty (0 bytes): there is nothing to import`);
  }
  const ext = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const declared = input.override ?? EXTENSIONS[ext];
  const sniffed = sniffBytes(head, input.encoding);
  if (!declared) {
    const hint = sniffed === 'xls' ? '; save it as .xlsx or CSV' : '';
    throw fileError(
      'unsupported-type',
      `${fileName}: .${ext || '(no extension)'} files cannot be imported${hint}`,
      { expected: 'a .csv, .tsv, .txt or .xlsx file' },
    );
  }
  if (declared === 'xlsx') {
    if (sniffed !== 'zip') {
      throw fileError(
        'type-mismatch',
        `${fileName} is named as an Excel workbook but contains ${DESCRIBE[sniffed]}`,
        {
          expected: 'an .xlsx workbook',
        },
      );
    }
    return { kind: 'xlsx' };
  }
  if (sniffed !== 'text') {
    const hint = sniffed === 'zip' ? '; if it is an Excel workbook, name it .xlsx' : '';
    throw fileError(
      sniffed === 'zip' || sniffed === 'xls' ? 'type-mismatch' : 'binary',
      `${fileName} is named as a text file but contains ${DESCRIBE[sniffed]}${hint}`,
      { expected: 'text (CSV, TSV or whitespace-separated)' },
    );
  }
  const delimiter = sniffDelimiter(input.firstLine ?? '');
  if (declared === 'tsv') return { kind: 'tsv', delimiter: '\t' };
  if (declared === 'csv') return { kind: 'csv', delimiter: delimiter ?? ',' };
  if (declared === 'whitespace' || delimiter === null) return { kind: 'whitespace' };
  return delimiter === '\t' ? { kind: 'tsv', delimiter } : { kind: 'csv', delimiter };
}
