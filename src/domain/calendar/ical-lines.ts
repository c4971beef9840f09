/**
 * RFC 5545 content lines: unfolding, splitting into name / parameters / value, text escaping
 * and folding at 75 octets. Just enough for all-day holiday calendars.
 */

/** One unfolded content line with the physical line number it starts on (1-based). */
export interface ContentLine {
  line: number;
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Why a physical line could not be read as a content line. */
export interface LineProblem {
  line: number;
  message: string;
}

/** Joins folded lines (a line starting with a space or tab continues the previous one). */
export function unfold(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  physical.forEach((raw, i) => {
    const last = out[out.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ line: i + 1, text: raw });
  });
  return out;
}

/** Splits `NAME;P=V;Q="a:b":value` at the first colon outside double quotes. */
export function parseContentLine(line: number, text: string): ContentLine | LineProblem {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return { line, message: `expected NAME:value, got "${text.slice(0, 40)}"` };
  const [name = '', ...rawParams] = text.slice(0, colon).split(';');
  if (!/^[A-Za-z0-9-]+$/.test(name)) return { line, message: `"${name}" is not a property name` };
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq <= 0) return { line, message: `parameter "${p}" of ${name} has no value` };
    params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { line, name: name.toUpperCase(), params, value: text.slice(colon + 1) };
}

/** Reads an iCalendar TEXT value (\\, \; \, \n). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Writes an iCalendar TEXT value. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

function utf8Size(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  return cp < 0x10000 ? 3 : 4;
}

/** Folds one content line to at most 75 octets per physical line, never inside a character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = utf8Size(ch.codePointAt(0) ?? 0);
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** YYYYMMDD (or YYYY-MM-DD) → YYYY-MM-DD, or null when not a real date. */
export function icalDate(value: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(date) ? date : null;
}
