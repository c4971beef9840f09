import { type CellRef, type CellResult, cellIssue, cellOk } from './cell-result';

/** Formats offered in the mapping step; any combination of the tokens below is accepted too. */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYYMMDD',
  'YYYY/M/D',
  'YYYY/MM/DD',
  'YYYY-M-D',
  'YYYY.MM.DD',
  'YYYY年M月D日',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'D.M.YYYY',
  'YYYY-MM-DD HH:mm:ss',
  'YYYY/M/D H:mm:ss',
  'excel-serial',
] as const;

// Longest first so that YYYY is not read as two YY and MM not as two M.
const TOKENS: [string, string][] = [
  ['YYYY', '(\\d{4})'],
  ['MM', '(\\d{2})'],
  ['DD', '(\\d{2})'],
  ['HH', '(\\d{2})'],
  ['mm', '(\\d{2})'],
  ['ss', '(\\d{2})'],
  ['M', '(\\d{1,2})'],
  ['D', '(\\d{1,2})'],
  ['H', '(\\d{1,2})'],
];
const PART: Record<string, 'y' | 'mo' | 'd' | 'h' | 'mi' | 's'> = {
  YYYY: 'y',
  MM: 'mo',
  M: 'mo',
  DD: 'd',
  D: 'd',
  HH: 'h',
  H: 'h',
  mm: 'mi',
  ss: 's',
};

interface CompiledFormat {
  regex: RegExp;
  parts: ('y' | 'mo' | 'd' | 'h' | 'mi' | 's')[];
}

const cache = new Map<string, CompiledFormat | null>();

/**
 * Compiles a format such as "YYYY/M/D" into a regular expression, or null when it lacks a year,
 * month or day, repeats a part, or has a time without hours and minutes.
 */
export function compileDateFormat(format: string): CompiledFormat | null {
  if (cache.has(format)) return cache.get(format)!;
  let pattern = '';
  const parts: CompiledFormat['parts'] = [];
  for (let i = 0; i < format.length; ) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      pattern += token[1];
      parts.push(PART[token[0]]!);
      i += token[0].length;
    } else {
      pattern += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  const has = (p: string) => parts.filter((x) => x === p).length;
  const ok =
    has('y') === 1 &&
    has('mo') === 1 &&
    has('d') === 1 &&
    has('h') <= 1 &&
    has('mi') <= 1 &&
    has('s') <= 1 &&
    has('h') === has('mi') &&
    (has('s') === 0 || has('mi') === 1);
  const compiled = ok ? { regex: new RegExp(`^${pattern}$`), parts } : null;
  // User-typed formats are few; the bound only guards against a caller looping over junk.
  if (cache.size < 256) cache.set(format, compiled);
  return compiled;
}

/** True for a format parseDate understands. */
export function isDateFormat(format: string): boolean {
  return format === 'excel-serial' || compileDateFormat(format) !== null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

// Spreadsheet cells that hold real dates reach the parser as ISO text from the XLSX reader.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * Parses a date strictly by `format` (tokens YYYY, MM/M, DD/D, HH/H, mm, ss; everything else
 * literal) or as an Excel serial number ("excel-serial", 1900 date system). Returns an ISO date
 * "YYYY-MM-DD", or "YYYY-MM-DDTHH:mm:ss" when the format has a time. Impossible dates are
 * errors, not rolled over: 2026-02-30 fails. ISO text is accepted whatever the format, because
 * XLSX date cells arrive in that form.
 * @example parseDate('2026/3/7', 'YYYY/M/D', { field: 'date', row: 2 }) // { ok: true, value: '2026-03-07' }
 * @example parseDate('2026-02-30', 'YYYY-MM-DD', { field: 'date' }).ok // false
 */
export function parseDate(text: string, format: string, ref: CellRef): CellResult<string> {
  const fast = plainDate(text, format);
  return fast === undefined ? parseDateText(text, format, ref) : cellOk(fast);
}

const digitAt = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/**
 * The ISO date for the two formats exports use most, YYYY-MM-DD and YYYYMMDD, when `text` is
 * exactly such a valid date in ASCII; undefined for anything else (other formats, spaces,
 * impossible dates), which the full parser then reads or explains. Same results as
 * {@link parseDate}, without a regular expression or a string made for a date already in ISO.
 */
export function plainDate(text: string, format: string): string | undefined {
  const iso = format === 'YYYY-MM-DD';
  if (!(iso ? text.length === 10 : format === 'YYYYMMDD' && text.length === 8)) return undefined;
  const at = iso ? [0, 1, 2, 3, 5, 6, 8, 9] : [0, 1, 2, 3, 4, 5, 6, 7];
  if (iso && (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)) return undefined;
  let y = 0;
  let mo = 0;
  let d = 0;
  for (let k = 0; k < 8; k++) {
    const v = digitAt(text, at[k] as number);
    if (v < 0) return undefined;
    if (k < 4) y = y * 10 + v;
    else if (k < 6) mo = mo * 10 + v;
    else d = d * 10 + v;
  }
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return iso ? text : `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** {@link parseDate} without the plain fast path: the reference it is tested against. */
export function parseDateText(text: string, format: string, ref: CellRef): CellResult<string> {
  const raw = text;
  const t = text.normalize('NFKC').trim();
  const expected =
    format === 'excel-serial' ? 'an Excel date serial number' : `a date as ${format}`;
  if (!t) return cellIssue(ref, raw, `${ref.field} is empty`, expected);
  if (format === 'excel-serial' && !ISO.test(t)) return fromSerial(t, raw, ref, expected);
  const compiled = compileDateFormat(format);
  if (!compiled && format !== 'excel-serial') {
    return cellIssue(
      ref,
      raw,
      `date format "${format}" is not understood`,
      'a format such as YYYY-MM-DD',
    );
  }
  const v = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 };
  const m = compiled?.regex.exec(t);
  const iso = m ? null : ISO.exec(t);
  if (m && compiled) {
    for (const [i, p] of compiled.parts.entries()) v[p] = Number(m[i + 1]);
  } else if (iso) {
    const n = (i: number) => Number(iso[i] ?? 0);
    Object.assign(v, { y: n(1), mo: n(2), d: n(3), h: n(4), mi: n(5), s: n(6) });
  } else {
    return cellIssue(ref, raw, `${ref.field} "${t}" does not match ${format}`, expected);
  }
  const { y, mo, d, h, mi, s } = v;
  if (y < 1) return cellIssue(ref, raw, `${ref.field} "${t}" has year 0`, expected);
  if (mo < 1 || mo > 12) {
    return cellIssue(ref, raw, `${ref.field} "${t}" has month ${mo}`, expected);
  }
  const dim = daysInMonth(y, mo);
  if (d < 1 || d > dim) {
    return cellIssue(
      ref,
      raw,
      `${ref.field} "${t}" is not a date: ${pad(y, 4)}-${pad(mo)} has ${dim} days`,
      expected,
    );
  }
  if (h > 23 || mi > 59 || s > 59) {
    return cellIssue(ref, raw, `${ref.field} "${t}" has an impossible time`, expected);
  }
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  const timed = compiled ? compiled.parts.includes('h') : Boolean(iso?.[4]);
  return cellOk(timed ? `${date}T${pad(h)}:${pad(mi)}:${pad(s)}` : date);
}

/**
 * Excel's 1900 system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a
 * 1900-02-29 as day 60; days after it are one ahead of the calendar. Fractions are times of
 * day and are dropped: the field is a date.
 */
function fromSerial(t: string, raw: string, ref: CellRef, expected: string): CellResult<string> {
  if (!/^\d+(\.\d+)?$/.test(t)) {
    return cellIssue(ref, raw, `${ref.field} "${t}" is not a serial number`, expected);
  }
  const serial = Math.floor(Number(t));
  if (serial < 1 || serial > 2958465 || serial === 60) {
    return cellIssue(
      ref,
      raw,
      `${ref.field} ${t} is outside Excel's dates (1 to 2958465, without 60)`,
      expected,
    );
  }
  const days = serial < 60 ? serial - 1 : serial - 2;
  const dt = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return cellOk(
    `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`,
  );
}
