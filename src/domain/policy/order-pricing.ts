import type { OrderLine } from './order-input.schema';

/** What one line costs at the internal price, at the tier's floor, and at the price asked. */
export interface PricedLine {
  index: number;
  product: string;
  quantity: number;
  internalPriceMinor: number;
  internalAmountMinor: number;
  /** The lowest unit price the tier allows (rounded up to a whole minor unit). */
  unitFloorMinor: number;
  /** The lowest amount the tier allows for the line. */
  priceFloorMinor: number;
  /** The unit price after the requested discount (rounded to a whole minor unit). */
  requestedUnitMinor: number;
  requestedAmountMinor: number;
}

export interface PricedTotals {
  internalMinor: number;
  priceFloorMinor: number;
  requestedMinor: number;
}

// Percent arithmetic in floating point gives 104.99999… for 100 × 1.05; a tolerance well below
// one minor unit keeps the floor from rounding up a whole fen too far.
const EPS = 1e-6;

/** A unit price moved by `pct` percent (+5 = 5% above), rounded up to a whole minor unit. */
export function unitFloor(internalPriceMinor: number, floorPct: number): number {
  return Math.max(0, Math.ceil((internalPriceMinor * (100 + floorPct)) / 100 - EPS));
}

/** The unit price after `discountPct` percent off (negative = surcharge), rounded half up. */
export function discountedUnit(internalPriceMinor: number, discountPct: number): number {
  return Math.max(0, Math.round((internalPriceMinor * (100 - discountPct)) / 100 + EPS));
}

/**
 * Prices every line at the internal price, the tier's floor (`floorPct`, null when there is no
 * policy) and the requested discount; integer minor units throughout.
 */
export function priceLines(
  lines: readonly OrderLine[],
  floorPct: number | null,
  discountPct: number,
): { lines: PricedLine[]; totals: PricedTotals } {
  const out = lines.map((l, index): PricedLine => {
    const unitFloorMinor = unitFloor(l.internalPriceMinor, floorPct ?? 0);
    const requestedUnitMinor = discountedUnit(l.internalPriceMinor, discountPct);
    return {
      index,
      product: l.product,
      quantity: l.quantity,
      internalPriceMinor: l.internalPriceMinor,
      internalAmountMinor: l.internalPriceMinor * l.quantity,
      unitFloorMinor,
      priceFloorMinor: unitFloorMinor * l.quantity,
      requestedUnitMinor,
      requestedAmountMinor: requestedUnitMinor * l.quantity,
    };
  });
  const sum = (f: (l: PricedLine) => number) => out.reduce((s, l) => s + f(l), 0);
  return {
    lines: out,
    totals: {
      internalMinor: sum((l) => l.internalAmountMinor),
      priceFloorMinor: sum((l) => l.priceFloorMinor),
      requestedMinor: sum((l) => l.requestedAmountMinor),
    },
  };
}
