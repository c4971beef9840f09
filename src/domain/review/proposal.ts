import { z } from 'zod';

const reason = z.string().trim().max(1000, 'reason must be at most 1000 characters');

/** A sales manager's rating of one customer: the tier proposed, and why when it differs. */
export const rateInput = z.strictObject({
  proposedTier: z.string().trim().min(1, 'proposedTier is required').max(100),
  reason: reason.optional(),
  /** The version read; a save over a newer version is refused (someone else saved first). */
  version: z.number({ error: 'version is required' }).int().min(1),
});

/** Credit grades finance gives (资信等级). */
export const CREDIT_GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;

/** Finance's part: credit grade, receivables confirmed, a note. */
export const financeInput = z.strictObject({
  creditGrade: z.enum(CREDIT_GRADES, {
    error: `creditGrade must be one of ${CREDIT_GRADES.join(', ')}`,
  }),
  receivablesConfirmed: z.boolean(),
  note: reason.optional(),
  version: z.number({ error: 'version is required' }).int().min(1),
});

/** The review meeting's revision of a proposal. */
export const reviseInput = z.strictObject({
  revisedTier: z.string().trim().min(1, 'revisedTier is required').max(100),
  reason: reason.optional(),
  version: z.number({ error: 'version is required' }).int().min(1),
});

/** The tiers a proposal carries; each later step's choice wins over the earlier ones. */
export interface ProposalTiers {
  computedTier: string;
  proposedTier: string | null;
  revisedTier: string | null;
}

/** The tier a proposal will publish: revised, else proposed, else computed. */
export function finalTier(p: ProposalTiers): string {
  return p.revisedTier ?? p.proposedTier ?? p.computedTier;
}

/** The tier a step's change is compared with: what the proposal held before that step. */
export function tierBefore(p: ProposalTiers, step: 'rate' | 'revise'): string {
  return step === 'rate' ? p.computedTier : (p.proposedTier ?? p.computedTier);
}
