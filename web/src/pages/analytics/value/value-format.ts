/** A fraction 0–1 as a percentage in the UI language: 0.675 → "67.5%". */
export function formatShare(v: number, lng: string, digits = 1): string {
  return new Intl.NumberFormat(lng, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number.isFinite(v) ? v : 0);
}

/** A plain number in the UI language with at most `digits` decimals. */
export function formatNumber(v: number, lng: string, digits = 0): string {
  return new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(
    Number.isFinite(v) ? v : 0,
  );
}

/** The label of a "top x%" fraction: 0.2 → "20%", 0.01 → "1%". */
export function fractionLabel(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** Pyramid cut points the page offers, as the `cuts` query value; the first is the default. */
export const CUT_PRESETS = ['0.8,0.95,0.99', '0.5,0.8,0.95', '0.7,0.9,0.98'] as const;

/** "0.8,0.95,0.99" → "80% / 95% / 99%". */
export function cutsLabel(cuts: string): string {
  return cuts
    .split(',')
    .map((c) => fractionLabel(Number(c)))
    .join(' / ');
}
