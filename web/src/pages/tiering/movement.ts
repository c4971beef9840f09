import type { SchemeDocument } from '../../api/tiering';

/**
 * Whether a customer moved up or down against the published tier: a smaller rank is a better
 * tier. Customers without a published tier, or in a tier the document does not list, did not
 * move.
 */
export function movementOf(
  doc: SchemeDocument,
  from: string | null,
  to: string | null,
): 'up' | 'down' | undefined {
  if (from === null || to === null || from === to) return undefined;
  const rank = (id: string) => doc.tiers.find((x) => x.id === id)?.rank;
  const a = rank(from);
  const b = rank(to);
  if (a === undefined || b === undefined) return undefined;
  return b < a ? 'up' : 'down';
}
