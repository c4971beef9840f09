/**
 * The tiers of a figure, best first: the first list's order (the scheme's latest version,
 * ranked), then tiers only older versions know, in their order, then any other tier met in the
 * data, by id. One order for every point and both sides of a comparison, so a row and a column
 * with the same index are the same tier.
 */
export function mergeTierOrder(
  lists: readonly (readonly string[])[],
  seen: Iterable<string> = [],
): string[] {
  const order: string[] = [];
  const known = new Set<string>();
  const add = (id: string) => {
    if (known.has(id)) return;
    known.add(id);
    order.push(id);
  };
  for (const list of lists) for (const id of list) add(id);
  const extra = [...new Set(seen)].filter((id) => !known.has(id)).sort();
  for (const id of extra) add(id);
  return order;
}

/**
 * Tier ids as indexes into `order` (−1 for no tier), one per customer. A tier missing from
 * `order` is a programming error: build the order from the same data with `mergeTierOrder`.
 */
export function tierIndexes(
  order: readonly string[],
  tiers: readonly (string | null)[],
): Int32Array {
  const at = new Map(order.map((id, i) => [id, i]));
  const out = new Int32Array(tiers.length);
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i];
    if (t == null) {
      out[i] = -1;
      continue;
    }
    const k = at.get(t);
    if (k === undefined) throw new RangeError(`tier ${t} is not in the order`);
    out[i] = k;
  }
  return out;
}
