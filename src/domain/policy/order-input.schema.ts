import { z } from 'zod';
import { isCalendarDate } from '../money';
import { termIndex } from './payment-terms';
import type { PaymentTerm } from './policy.schema';

/** Message for a field that is missing or of the wrong type, naming the field. */
const typed = (field: string, expected: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? `${field} is required` : `${field} must be ${expected}`;

/** One order line: what, how many, and the internal (list) price of one unit in minor units. */
export const orderLineSchema = z.strictObject({
  product: z
    .string({ error: typed('product', 'a text') })
    .trim()
    .min(1, 'product is required')
    .max(200),
  quantity: z
    .number({ error: typed('quantity', 'a number') })
    .int('quantity must be a whole number')
    .positive('quantity must be more than 0')
    .max(100_000_000),
  internalPriceMinor: z
    .number({ error: typed('internalPriceMinor', 'a number of minor units (fen)') })
    .int('internalPriceMinor must be whole minor units (fen)')
    .min(0, 'internalPriceMinor must not be negative')
    .max(1e13),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

/**
 * An order to check against a tier policy. The discount is a percentage off the internal
 * price; a negative discount is a surcharge (tiers whose floor lies above the internal price).
 */
export const orderInputSchema = z.strictObject({
  lines: z
    .array(orderLineSchema, { error: typed('lines', 'a list of order lines') })
    .min(1, 'lines needs at least one line')
    .max(500, 'lines allows at most 500 lines'),
  requestedDiscountPct: z
    .number({ error: typed('requestedDiscountPct', 'a number (percent off the internal price)') })
    .min(-1000, 'requestedDiscountPct must be at least -1000 (a surcharge)')
    .max(100, 'requestedDiscountPct must be at most 100 (percent off the internal price)')
    .default(0),
  paymentTerm: z
    .string({ error: typed('paymentTerm', 'a payment term id') })
    .trim()
    .min(1, 'paymentTerm is required'),
  deliveryDate: z
    .string({ error: typed('deliveryDate', 'a date YYYY-MM-DD') })
    .refine(isCalendarDate, 'deliveryDate must be a date YYYY-MM-DD'),
  rush: z.boolean({ error: 'rush must be true or false' }).default(false),
});
export type OrderInput = z.infer<typeof orderInputSchema>;

/** A problem with one field of an order, dotted path included (`lines.2.internalPriceMinor`). */
export interface OrderFieldIssue {
  field: string;
  message: string;
}

/**
 * Parses an order, and checks its payment term is a rung of the catalog's ladder. Returns the
 * order or every issue found, so the caller can report them all at once.
 */
export function parseOrder(
  raw: unknown,
  ladder: readonly PaymentTerm[],
): { ok: true; order: OrderInput } | { ok: false; issues: OrderFieldIssue[] } {
  const r = orderInputSchema.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      issues: r.error.issues.map((i) => ({
        field: i.path.length ? i.path.join('.') : '(body)',
        message: i.message,
      })),
    };
  if (termIndex(ladder, r.data.paymentTerm) < 0)
    return {
      ok: false,
      issues: [
        {
          field: 'paymentTerm',
          message: `paymentTerm ${r.data.paymentTerm} is not on the ladder; use one of ${ladder
            .map((t) => t.id)
            .join(', ')}`,
        },
      ],
    };
  return { ok: true, order: r.data };
}
