import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  type DetectedEncoding,
  detectEncoding,
  type EncodingChoice,
} from '../../domain/import/detect-encoding';
import { detectFileKind } from '../../domain/import/detect-file-kind';
import { fileError } from '../../domain/import/file-error';
import type { ImportFileKind, ImportRow } from '../../domain/import/row';
import { openTextStream } from './decode';
import { readDelimitedBatches } from './read-delimited';
import { readWhitespaceRows } from './read-whitespace';
import { readXlsxRows } from './read-xlsx';

/** Files above this size are refused before a byte is parsed, unless configured otherwise. */
export const DEFAULT_MAX_IMPORT_BYTES = 2 * 1024 ** 3;

/** Bytes read up front to recognise the type and encoding. */
const HEAD_BYTES = 64 * 1024;

export interface OpenImportOptions {
  /** Name the user gave the file (its extension counts); defaults to the path's base name. */
  fileName?: string;
  /** Read as this format instead of the one the extension says. */
  kind?: ImportFileKind;
  encoding?: EncodingChoice;
  /** XLSX worksheet; the first one when absent. */
  sheet?: string;
  maxBytes?: number;
  maxLineLength?: number;
}

/** An import file that passed the up-front checks, ready to be read (as often as needed). */
export interface ImportSource {
  fileName: string;
  size: number;
  kind: ImportFileKind;
  /** Field delimiter for csv and tsv. */
  delimiter?: string;
  /** Text encoding; undefined for XLSX, whose XML declares its own. */
  encoding?: DetectedEncoding;
  /** A fresh streaming pass over the rows, header first. */
  rows(): AsyncGenerator<ImportRow>;
  /** The same pass, a few thousand rows at a time: cheaper per row for large files. */
  batches(): AsyncGenerator<ImportRow[]>;
}

const BATCH_ROWS = 2048;

/** Groups a row stream into arrays for readers that yield one row at a time. */
async function* inBatches(rows: AsyncIterable<ImportRow>): AsyncGenerator<ImportRow[]> {
  let batch: ImportRow[] = [];
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function formatBytes(n: number): string {
  const gib = n / 1024 ** 3;
  return gib >= 1 ? `${gib.toFixed(2)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

async function readHead(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first line of the head, enough to find the delimiter (which is always ASCII). */
function firstLine(head: Uint8Array, enc: DetectedEncoding): string {
  const body = head.subarray(enc.bomLength);
  const text =
    enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be'
      ? new TextDecoder(enc.encoding).decode(body)
      : Buffer.from(body).toString('latin1');
  return text.split(/\r\n|\r|\n/, 1)[0] ?? '';
}

/**
 * Checks an import file up front and returns a source whose `rows()` streams it: refuses a file
 * over `maxBytes` (default 2 GiB) or of 0 bytes, recognises CSV, TSV, whitespace-separated text
 * and XLSX from the name and the first bytes (refusing content that is not what the name says),
 * and picks the text encoding (UTF-8 with or without BOM, GBK/GB18030, UTF-16 with BOM) unless
 * one is chosen. Every refusal is a DomainError('VALIDATION') with `details.reason`.
 * @example
 *   const source = await openImportFile('/tmp/upload-1', { fileName: '客户.csv' });
 *   for await (const { row, values } of source.rows()) { … }
 */
export async function openImportFile(
  path: string,
  opts: OpenImportOptions = {},
): Promise<ImportSource> {
  const fileName = opts.fileName ?? basename(path);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (e) {
    throw fileError('unreadable', `${fileName} cannot be opened: ${(e as Error).message}`);
  }
  if (size > maxBytes) {
    throw fileError(
      'too-large',
      `${fileName} is ${formatBytes(size)}; files up to ${formatBytes(maxBytes)} can be imported`,
      {
        value: size,
        expected: `at most ${maxBytes} bytes`,
      },
    );
  }
  const head = size === 0 ? new Uint8Array(0) : await readHead(path, size);
  const encoding = detectEncoding(head, opts.encoding ?? 'auto', size > head.length);
  const detected = detectFileKind({
    fileName,
    size,
    head,
    encoding: encoding.encoding,
    firstLine: firstLine(head, encoding),
    override: opts.kind,
  });
  const { kind, delimiter } = detected;
  const batches = (): AsyncGenerator<ImportRow[]> => {
    if (kind === 'xlsx') return inBatches(readXlsxRows(path, { sheet: opts.sheet }));
    const text = openTextStream(path, encoding.encoding, encoding.bomLength);
    if (kind === 'whitespace') return inBatches(readWhitespaceRows(text, opts.maxLineLength));
    return readDelimitedBatches(text, {
      delimiter: delimiter ?? ',',
      maxRecordLength: opts.maxLineLength,
    });
  };
  async function* rows(): AsyncGenerator<ImportRow> {
    for await (const batch of batches()) yield* batch;
  }
  return {
    fileName,
    size,
    kind,
    ...(delimiter ? { delimiter } : {}),
    ...(kind === 'xlsx' ? {} : { encoding }),
    rows,
    batches,
  };
}
