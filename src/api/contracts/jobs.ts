import { z } from 'zod';

/** The payload of a review schedule (job kind review.start_cycle), as the API documents it. */
export const startCyclePayloadBody = z
  .object({
    schemeId: z.number().int(),
    kind: z.enum(['annual', 'interim']).optional(),
    nameTemplate: z.string().meta({ example: '{year} 年度客户分级评审' }),
    asOf: z.enum(['schedule_date', 'previous_month_end']).optional(),
    deadlineDays: z.number().int().optional(),
    scope: z
      .object({
        region: z.string().optional(),
        type: z.string().optional(),
        industry: z.string().optional(),
      })
      .optional(),
    effectiveFrom: z.string().optional(),
  })
  .meta({ id: 'ReviewSchedulePayload' });

export const reviewSchedule = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.string(),
    cron: z.string(),
    timezone: z.string(),
    payload: z.record(z.string(), z.unknown()),
    enabled: z.boolean(),
    nextRunAt: z.string().nullable(),
    lastRunAt: z.string().nullable(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReviewSchedule' });

/** Validation happens in the service (one error listing every field); this documents the shape. */
export const createReviewScheduleBody = z.object({
  name: z.string(),
  kind: z.enum(['review.start_cycle']).default('review.start_cycle'),
  cron: z.string().meta({ example: '0 0 20 12 *' }),
  timezone: z.string().optional().meta({ example: 'Asia/Shanghai' }),
  payload: startCyclePayloadBody,
  enabled: z.boolean().optional(),
});

export const updateReviewScheduleBody = z.object({
  name: z.string().optional(),
  cron: z.string().optional(),
  timezone: z.string().optional(),
  payload: startCyclePayloadBody.optional(),
  enabled: z.boolean().optional(),
});

export const job = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    payload: z.unknown(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    runAt: z.string(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    progress: z.unknown(),
    error: z.string().nullable(),
    lockedUntil: z.string().nullable(),
    lockedBy: z.string().nullable(),
    dedupeKey: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
