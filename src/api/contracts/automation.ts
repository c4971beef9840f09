import { z } from 'zod';
import { RULE_KEYS } from '../../domain/policy/automation';
import { page } from './common';

export const ruleKeyParams = z.object({
  key: z.enum(RULE_KEYS, { error: `key must be one of ${RULE_KEYS.join(', ')}` }),
});

export const automationRule = z
  .object({
    key: z.enum(RULE_KEYS),
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()),
    action: z.enum(['term_down', 'alert', 'tag', 'review', 'eliminate']),
    version: z.number().int(),
    updatedBy: z.number().int().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'AutomationRule' });

/** Validation happens in the service (errors name `params.<field>`); this documents the shape. */
export const updateRuleBody = z
  .object({
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()).meta({ example: { minLate: 2, steps: 1 } }),
    version: z.number().int(),
  })
  .meta({ id: 'AutomationRuleUpdate' });

export const automationFiring = z
  .object({
    id: z.number().int(),
    rule: z.string(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    dedupeKey: z.string(),
    period: z.string(),
    evidence: z.record(z.string(), z.unknown()),
    actions: z.array(z.unknown()),
    firedAt: z.string(),
    source: z.string(),
    jobId: z.number().int().nullable(),
  })
  .meta({ id: 'AutomationFiring' });

export const firingsPage = page(automationFiring);

export const firingsQuerystring = z.object({
  rule: z.string().optional(),
  customerId: z.string().optional(),
  from: z.string().optional().meta({ description: 'first day fired, YYYY-MM-DD' }),
  to: z.string().optional().meta({ description: 'last day fired, YYYY-MM-DD' }),
  page: z.string().optional(),
  pageSize: z.string().optional(),
});

export const sweepJob = z
  .object({
    id: z.number().int(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'AutomationSweepJob' });
