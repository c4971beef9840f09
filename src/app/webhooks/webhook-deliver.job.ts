import { z } from 'zod';
import type { JobHandler } from '../jobs/registry';

export const WEBHOOK_DELIVER = 'webhook.deliver';

/** Delivers one queued webhook call; retried with backoff by the job runner. */
export const webhookDeliverJob: JobHandler<{ deliveryId: number }> = {
  payload: z.strictObject({ deliveryId: z.number().int().positive() }),
  manage: 'policies.manage',
  async run() {
    return {};
  },
};
