import { AUTOMATION_SWEEP, automationSweepJob } from '../automation/automation-sweep.job';
import { CLV_FIT, clvFitJob } from '../clv/clv-fit.job';
import { EMAIL_SEND, emailSendJob } from '../notifications/email-send.job';
import { ensureReportJobHandlers } from '../reports/report.job';
import { ensureSlaJobHandlers } from '../sla/sla-scan.job';
import { WEBHOOK_DELIVER, webhookDeliverJob } from '../webhooks/webhook-deliver.job';
import { jobHandler, registerJobHandler } from './registry';
import { REVIEW_START_CYCLE, startCycleJob } from './review-start-cycle.job';

/**
 * Registers the job kinds the product ships with. Called by the runner, the scheduler and the
 * services rather than on import, so no module has to be imported for its side effect.
 */
export function ensureBuiltinJobHandlers(): void {
  if (!jobHandler(REVIEW_START_CYCLE)) registerJobHandler(REVIEW_START_CYCLE, startCycleJob);
  if (!jobHandler(AUTOMATION_SWEEP)) registerJobHandler(AUTOMATION_SWEEP, automationSweepJob);
  if (!jobHandler(WEBHOOK_DELIVER)) registerJobHandler(WEBHOOK_DELIVER, webhookDeliverJob);
  if (!jobHandler(EMAIL_SEND)) registerJobHandler(EMAIL_SEND, emailSendJob);
  if (!jobHandler(CLV_FIT)) registerJobHandler(CLV_FIT, clvFitJob);
  ensureSlaJobHandlers();
  ensureReportJobHandlers();
}
