import { z } from 'zod';
import { DomainError, type FieldIssue, notFound, validationError } from '../../domain/errors';
import { type SlaPolicy, slaPolicySetSchema, slaSeedTemplate } from '../../domain/sla';
import { userNames } from '../../store/policy/policy-authors.repository';
import {
  findSlaVersion,
  insertSlaVersion,
  latestSlaVersion,
  listSlaVersions,
} from '../../store/sla/sla-policy-versions.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import type { SchemeTier } from '../policy/scheme-tiers';
import { requireSlaRead } from './sla-access';
import { slaCalendarChoices } from './sla-calendars';
import { serviceTiers, slaPoliciesInForce } from './sla-in-force';

export const saveSlaInput = z.strictObject({
  policies: z.array(z.unknown(), { error: 'policies must be a list of policies' }),
  /** The version the edit started from (null: the seed template); a newer save is a conflict. */
  version: z.number({ error: 'version must be a version number or null' }).int().nullable(),
  note: z.string().trim().max(2000, 'note must be at most 2000 characters').optional(),
});

const who = (id: number | null, names: Map<number, string>) =>
  id === null ? null : { id, name: names.get(id) ?? null };

/** The policies in force with the tiers and calendars they may name, and who saved them. */
export async function getSlaPolicies(deps: Deps, ctx: Ctx) {
  requireSlaRead(ctx);
  const db = deps.store.db;
  const [inForce, saved, calendars] = await Promise.all([
    slaPoliciesInForce(db),
    latestSlaVersion(db),
    slaCalendarChoices(db),
  ]);
  const fromSaved = inForce.version !== null && saved?.version === inForce.version;
  const names = await userNames(db, [fromSaved ? (saved?.createdBy ?? null) : null]);
  return {
    ...inForce,
    calendars,
    savedBy: fromSaved ? who(saved?.createdBy ?? null, names) : null,
    savedAt: fromSaved ? (saved?.createdAt ?? null) : null,
    note: fromSaved ? (saved?.note ?? null) : null,
  };
}

/** Every saved version, newest first, with who saved it and when. */
export async function listSlaPolicyVersions(deps: Deps, ctx: Ctx) {
  requireSlaRead(ctx);
  const rows = await listSlaVersions(deps.store.db);
  const names = await userNames(
    deps.store.db,
    rows.map((r) => r.createdBy),
  );
  return rows.map((r) => ({
    version: r.version,
    note: r.note,
    savedBy: who(r.createdBy, names),
    savedAt: r.createdAt,
  }));
}

/** One saved version with its policies (view-only history). */
export async function getSlaPolicyVersion(deps: Deps, ctx: Ctx, version: number) {
  requireSlaRead(ctx);
  const r = await findSlaVersion(deps.store.db, version);
  if (!r) throw notFound('SLA policy version', version);
  const names = await userNames(deps.store.db, [r.createdBy]);
  return {
    version: r.version,
    policies: r.document as SlaPolicy[],
    note: r.note,
    savedBy: who(r.createdBy, names),
    savedAt: r.createdAt,
  };
}

/** The seed template mapped onto the service-tier scheme's tiers ("reset to template"). */
export async function getSlaTemplate(deps: Deps, ctx: Ctx) {
  requireSlaRead(ctx);
  const st = await serviceTiers(deps.store.db);
  return { ...st, policies: slaSeedTemplate(st.tiers.map((t) => t.id)) };
}

/** Tier ids the scheme lacks and calendar keys that do not exist, each naming its policy. */
function referenceIssues(
  policies: SlaPolicy[],
  tiers: SchemeTier[],
  calendars: string[],
  hasScheme: boolean,
): FieldIssue[] {
  const known = new Set(tiers.map((t) => t.id));
  const issues: FieldIssue[] = [];
  policies.forEach((p, i) => {
    const tier = p.match.tier;
    if (tier !== null && !known.has(tier))
      issues.push({
        field: `policies.${i}.match.tier`,
        message: hasScheme
          ? `policy ${p.key}: tier ${tier} is not a tier of the service-tier scheme (its tiers: ${[...known].join(', ')})`
          : `policy ${p.key}: tier ${tier} cannot be used: no scheme is marked as the service tier`,
        value: tier,
      });
    if (!calendars.includes(p.calendar))
      issues.push({
        field: `policies.${i}.calendar`,
        message: `policy ${p.key}: calendar ${p.calendar} does not exist (calendars: ${calendars.join(', ')})`,
        value: p.calendar,
      });
  });
  return issues;
}

/**
 * Saves a new version of the SLA policy set (service.manage), validated as a whole: field
 * errors, duplicate keys or matches, unknown tiers and calendars are named with the policy.
 * Refused with CONFLICT when someone saved after `version`. Audited with before and after.
 */
export async function saveSlaPolicies(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'service.manage');
  const input = parseInput(saveSlaInput, raw, 'Invalid SLA policies');
  const parsed = slaPolicySetSchema.safeParse(input.policies);
  if (!parsed.success)
    throw validationError(
      'Invalid SLA policies',
      parsed.error.issues.map((i) => ({
        field: ['policies', ...i.path].join('.'),
        message: i.message,
      })),
    );
  const db = deps.store.db;
  const [st, calendars, before] = await Promise.all([
    serviceTiers(db),
    slaCalendarChoices(db),
    slaPoliciesInForce(db),
  ]);
  const issues = referenceIssues(
    parsed.data,
    st.tiers,
    calendars.map((c) => c.key),
    st.schemeId !== null,
  );
  if (issues.length) throw validationError('Invalid SLA policies', issues);
  const note = input.note || null;
  const saved = await db
    .transaction()
    .execute(async (trx) => {
      const latest = await latestSlaVersion(trx);
      const current = latest?.version ?? null;
      if (current !== input.version)
        throw new DomainError(
          'CONFLICT',
          `The SLA policies were saved meanwhile (now version ${current}); reload them and edit again`,
          { currentVersion: current, baseVersion: input.version },
        );
      const next = (current ?? 0) + 1;
      await insertSlaVersion(trx, {
        version: next,
        document: parsed.data,
        note,
        createdBy: ctx.actor.id,
        now: ctx.now().toISOString(),
      });
      await writeAudit(trx, ctx, {
        action: 'sla.save',
        entity: 'sla_policies',
        entityId: next,
        before: { version: before.version, policies: before.policies },
        after: { version: next, note, policies: parsed.data },
      });
      return next;
    })
    .catch((e: unknown) => {
      // Two saves from the same base racing: the unique version key refuses one.
      const text = `${(e as { code?: unknown }).code ?? ''} ${(e as Error).message ?? ''}`;
      if (e instanceof DomainError || !/23505|UNIQUE/i.test(text)) throw e;
      throw new DomainError('CONFLICT', 'The SLA policies were saved meanwhile; reload them', {
        baseVersion: input.version,
      });
    });
  return { ...(await getSlaPolicies(deps, ctx)), savedVersion: saved };
}
