import { type DuplicateReason, findDuplicatePairs } from '../../domain/customers/duplicates';
import { customerSummaries, loadDuplicateSubjects } from '../../store/duplicates.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { customerFilter } from './customer-scope';

export interface DuplicateCandidate {
  a: { id: number; code: string; name: string; version: number };
  b: { id: number; code: string; name: string; version: number };
  reasons: DuplicateReason[];
  score: number;
}

/**
 * Duplicate candidates across all active customers, strongest first, with their reasons (same
 * credit code, same normalised name, same phone or e-mail, similar names).
 */
export async function listDuplicateCandidates(
  deps: Deps,
  ctx: Ctx,
  opts: { minScore?: number; limit?: number; page?: number } = {},
): Promise<{ items: DuplicateCandidate[]; total: number }> {
  requirePermission(ctx, 'customers.read');
  const subjects = await loadDuplicateSubjects(deps.store.db, customerFilter(ctx));
  const pairs = findDuplicatePairs(subjects, { minSimilarity: opts.minScore ?? 0.8 });
  const limit = opts.limit ?? 50;
  const page = pairs.slice(((opts.page ?? 1) - 1) * limit, (opts.page ?? 1) * limit);
  const summaries = await customerSummaries(deps.store.db, [
    ...new Set(page.flatMap((p) => [p.aId, p.bId])),
  ]);
  const items = page.flatMap((p) => {
    const a = summaries.get(p.aId);
    const b = summaries.get(p.bId);
    return a && b ? [{ a, b, reasons: p.reasons, score: Math.round(p.score * 1000) / 1000 }] : [];
  });
  return { items, total: pairs.length };
}
