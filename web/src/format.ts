/** Formats an ISO instant as a local date and time in the UI language. */
export function formatDateTime(iso: string | null | undefined, lng: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lng, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

/** Formats an ISO instant as a local date in the UI language (for dense tables). */
export function formatDate(iso: string | null | undefined, lng: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lng, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    d,
  );
}

/**
 * Formats integer minor units (fen, cents) as money in the UI language: 123456 → ¥1,234.56.
 * The decimal is built from the integer by string arithmetic and formatted as an exact decimal
 * string, so no amount goes through a float.
 */
export function formatMoney(
  minor: number | null | undefined,
  lng: string,
  currency = 'CNY',
): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '';
  const abs = String(Math.abs(Math.trunc(minor))).padStart(3, '0');
  const decimal = `${minor < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
  try {
    return new Intl.NumberFormat(lng, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(decimal as Intl.StringNumericLiteral);
  } catch {
    // An unknown currency code: show the plain amount with the code.
    return `${decimal} ${currency}`;
  }
}

/** Today in the browser's time zone as YYYY-MM-DD, the format the API takes for dates. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Picks the Chinese or English text of a bilingual label for the UI language. */
export function localized(zh: string, en: string, lng: string): string {
  return lng.startsWith('en') ? en : zh;
}
