import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import {
  isRuleKey,
  RULE_ACTIONS,
  RULE_KEYS,
  type RuleKey,
  type RuleParams,
  ruleParamSchemas,
  storedParams,
} from '../../domain/policy/automation';
import { saveRule, storedRules } from '../../store/automation/rules.repository';
import type { DB } from '../../store/schema';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

export interface RuleInForce<K extends RuleKey = RuleKey> {
  key: K;
  enabled: boolean;
  params: RuleParams[K];
  action: (typeof RULE_ACTIONS)[K];
  /** 0 while the rule runs on its defaults (never saved). */
  version: number;
  updatedBy: number | null;
  updatedAt: string | null;
}

/** Every rule with its settings: saved ones, or enabled with the defaults when never saved. */
export async function rulesInForce(db: Kysely<DB>): Promise<RuleInForce[]> {
  const saved = await storedRules(db);
  return RULE_KEYS.map((key) => {
    const s = saved.get(key);
    return {
      key,
      enabled: s?.enabled ?? true,
      params: storedParams(key, s?.params),
      action: RULE_ACTIONS[key],
      version: s?.version ?? 0,
      updatedBy: s?.updatedBy ?? null,
      updatedAt: s?.updatedAt ?? null,
    } as RuleInForce;
  });
}

/** The rules and their settings (readable by anyone who reads customers). */
export async function listRules(deps: Deps, ctx: Ctx): Promise<RuleInForce[]> {
  requirePermission(ctx, 'customers.read');
  return rulesInForce(deps.store.db);
}

export const updateRuleInput = z.strictObject({
  enabled: z.boolean({ error: 'enabled must be true or false' }),
  params: z.record(z.string(), z.unknown(), { error: 'params must be an object' }),
  version: z.number({ error: 'version must be a number' }).int().min(0),
});
export type UpdateRuleInput = z.input<typeof updateRuleInput>;

/**
 * Changes a rule's switch and parameters. The parameters are checked by the rule's own schema
 * (errors name `params.<field>`); the version guards against two people editing at once.
 * Audited with the settings before and after.
 */
export async function updateRule(
  deps: Deps,
  ctx: Ctx,
  key: string,
  raw: UpdateRuleInput | unknown,
): Promise<RuleInForce> {
  requirePermission(ctx, 'policies.manage');
  if (!isRuleKey(key)) throw notFound('Automation rule', key);
  const input = parseInput(updateRuleInput, raw, 'Invalid automation rule');
  const params = parseInput(
    z.object({ params: ruleParamSchemas[key] }),
    { params: input.params },
    `Invalid parameters of rule ${key}`,
  ).params;
  const db = deps.store.db;
  const now = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const before = (await rulesInForce(trx)).find((r) => r.key === key);
    const ok = await saveRule(
      trx,
      { key, enabled: input.enabled, params, by: ctx.actor.id, now },
      input.version,
    );
    if (!ok)
      throw new DomainError(
        'STALE_VERSION',
        `Rule ${key} was changed by someone else (version ${before?.version ?? 0}); reload and try again`,
        { current: before?.version ?? 0 },
      );
    await writeAudit(trx, ctx, {
      action: 'automation_rule.update',
      entity: 'automation_rule',
      entityId: key,
      before: before && { enabled: before.enabled, params: before.params, version: before.version },
      after: { enabled: input.enabled, params, version: input.version + 1 },
    });
  });
  const after = (await rulesInForce(db)).find((r) => r.key === key);
  if (!after) throw notFound('Automation rule', key);
  return after;
}
