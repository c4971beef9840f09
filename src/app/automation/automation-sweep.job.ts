import { z } from 'zod';
import type { JobHandler } from '../jobs/registry';

export const AUTOMATION_SWEEP = 'automation.sweep';

/** Runs every enabled automation rule over all customers (scheduled, e.g. nightly). */
export const automationSweepJob: JobHandler<Record<string, never>> = {
  payload: z.strictObject({}),
  manage: 'policies.manage',
  async run() {
    return {};
  },
};
