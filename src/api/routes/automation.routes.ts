import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerFirings, listFirings } from '../../app/automation/firings.service';
import { listRules, updateRule } from '../../app/automation/rules.service';
import {
  recentSweeps,
  requestSweep,
  sweepStatus,
} from '../../app/automation/sweep-request.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import {
  automationRule,
  firingsPage,
  firingsQuerystring,
  ruleKeyParams,
  sweepJob,
  updateRuleBody,
} from '../contracts/automation';
import { errors, idParams } from '../contracts/common';

const tags = ['automation'];

/** Routes for automation rules, sweeps and their firings. */
export const automationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/automation/rules',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Automation rules with their switch and parameters',
          response: { 200: z.object({ items: z.array(automationRule) }), ...errors },
        },
      },
      async (req) => ({ items: await listRules(deps, ctxOf(req)) }),
    );
    app.put(
      '/api/automation/rules/:key',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          summary: "Switch a rule on or off and set its parameters (checked by the rule's schema)",
          params: ruleKeyParams,
          body: updateRuleBody,
          response: { 200: automationRule, ...errors },
        },
      },
      (req) => updateRule(deps, ctxOf(req), req.params.key, req.body),
    );
    app.post(
      '/api/automation/sweep',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          summary: 'Queue a sweep of every enabled rule over all customers',
          response: { 202: z.object({ id: z.number().int(), created: z.boolean() }), ...errors },
        },
      },
      async (req, reply) => reply.status(202).send(await requestSweep(deps, ctxOf(req))),
    );
    app.get(
      '/api/automation/sweeps',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'The latest sweeps with their progress, newest first',
          response: { 200: z.object({ items: z.array(sweepJob) }), ...errors },
        },
      },
      async (req) => ({ items: await recentSweeps(deps, ctxOf(req)) }),
    );
    app.get(
      '/api/automation/sweeps/:id',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          summary: "A sweep job's status and progress",
          params: idParams,
          response: { 200: sweepJob, ...errors },
        },
      },
      (req) => sweepStatus(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/automation/firings',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Rule firings with their evidence and actions, newest first',
          querystring: firingsQuerystring,
          response: { 200: firingsPage, ...errors },
        },
      },
      (req) => listFirings(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/customers/:id/automation-firings',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: "One customer's rule firings, newest first",
          params: idParams,
          querystring: firingsQuerystring.omit({ customerId: true }),
          response: { 200: firingsPage, ...errors },
        },
      },
      (req) => customerFirings(deps, ctxOf(req), req.params.id, req.query),
    );
  };
