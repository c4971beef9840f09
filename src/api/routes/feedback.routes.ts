import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import * as blacklist from '../../app/feedback/blacklist.service';
import * as campaigns from '../../app/feedback/campaigns.service';
import * as feedback from '../../app/feedback/feedback.service';
import * as surveys from '../../app/feedback/surveys.service';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';
import * as c from '../contracts/feedback';

const tags = ['feedback'];
const publicErrors = { 400: errors[400], 404: errors[404], 409: errors[409] };

/** Routes for satisfaction surveys, survey campaigns, feedback follow-up and the blacklist. */
export const feedbackRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // --- Public survey page: the token is the only credential, single use, with an expiry.
    app.get(
      '/api/public/surveys',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Whether a survey link can still be answered, and for which customer',
          querystring: c.tokenQuery,
          response: { 200: c.publicSurvey, ...publicErrors },
        },
      },
      (req) => surveys.surveyByToken(deps, req.query.token, new Date()),
    );
    app.post(
      '/api/public/surveys/answer',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'Answer a survey by its token (score 1–5, optional comment); the token is spent. 404 unknown, 409 already answered or expired',
          body: c.answerBody.extend({ token: z.string().min(1).max(200) }),
          response: { 201: c.answerResponse, ...publicErrors },
        },
      },
      async (req, reply) => {
        const { token, ...answer } = req.body;
        return reply.status(201).send(
          await surveys.answerByToken(deps, token, answer, {
            now: new Date(),
            requestId: String(req.id),
          }),
        );
      },
    );

    // --- Staff: invitations and answers taken by phone or at the counter.
    app.post(
      '/api/surveys/invitations',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Create a one-time survey link for a customer (optionally about a ticket)',
          body: c.invitationBody,
          response: { 201: c.invitationResponse, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await surveys.createInvitation(deps, ctxOf(req), req.body)),
    );
    app.post(
      '/api/surveys/responses',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Enter a customer’s survey answer taken by staff',
          body: c.staffAnswerBody,
          response: { 201: c.answerResponse, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await surveys.recordStaffAnswer(deps, ctxOf(req), req.body)),
    );

    // --- Campaigns.
    app.get(
      '/api/survey-campaigns',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Survey campaigns with response rate and average by tier',
          response: { 200: z.object({ items: z.array(c.campaign) }), ...errors },
        },
      },
      async (req) => ({ items: await campaigns.listCampaigns(deps, ctxOf(req)) }),
    );
    app.post(
      '/api/survey-campaigns',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary: 'Draft a quarterly campaign for tiers and/or all active customers',
          body: c.campaignBody,
          response: { 201: c.campaign, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await campaigns.createCampaign(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/survey-campaigns/:id',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'One campaign with its results',
          params: idParams,
          response: { 200: c.campaign, ...errors },
        },
      },
      (req) => campaigns.getCampaign(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/survey-campaigns/:id/send',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary:
            'Send a draft campaign: invitations for the whole audience or none; the links are returned once',
          params: idParams,
          response: { 200: c.sendResponse, ...errors },
        },
      },
      (req) => campaigns.sendCampaign(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/survey-campaigns/:id/close',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary: 'Close a sent campaign',
          params: idParams,
          response: { 200: c.campaign, ...errors },
        },
      },
      (req) => campaigns.closeCampaign(deps, ctxOf(req), req.params.id),
    );

    // --- Feedback classification and follow-up.
    app.get(
      '/api/feedback/classes',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'The feedback classification list',
          response: { 200: z.object({ items: z.array(c.feedbackClass) }), ...errors },
        },
      },
      async () => ({ items: feedback.feedbackClasses() }),
    );
    app.get(
      '/api/feedback',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Feedback by class (or unclassified), status, kind or customer',
          querystring: c.feedbackQuery,
          response: { 200: z.object({ items: z.array(c.feedbackItem) }), ...errors },
        },
      },
      async (req) => ({ items: await feedback.listFeedback(deps, ctxOf(req), req.query) }),
    );
    app.get(
      '/api/feedback/overdue-actions',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Follow-up actions not done and past their due date',
          response: { 200: z.object({ items: z.array(c.action) }), ...errors },
        },
      },
      async (req) => ({ items: await feedback.overdueActions(deps, ctxOf(req)) }),
    );
    app.get(
      '/api/feedback/:id',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'One feedback with its follow-up actions',
          params: idParams,
          response: { 200: c.feedbackDetail, ...errors },
        },
      },
      (req) => feedback.getFeedback(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/feedback/:id/classification',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Classify a feedback (and optionally set its status)',
          params: idParams,
          body: c.classifyBody,
          response: { 200: c.feedbackDetail, ...errors },
        },
      },
      (req) => feedback.classifyFeedback(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/feedback/:id/actions',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Add a follow-up action with an owner and a due date',
          params: idParams,
          body: c.actionBody,
          response: { 201: c.feedbackDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await feedback.addAction(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.post(
      '/api/feedback-actions/:id/status',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Move an action open → in_progress → done (done needs the result)',
          params: idParams,
          body: c.actionStepBody,
          response: { 200: c.feedbackDetail, ...errors },
        },
      },
      (req) => feedback.stepAction(deps, ctxOf(req), req.params.id, req.body),
    );

    // --- Blacklist requests.
    app.get(
      '/api/blacklist-requests',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Blacklist requests by status or customer',
          querystring: c.blacklistQuery,
          response: { 200: z.object({ items: z.array(c.blacklistRequest) }), ...errors },
        },
      },
      async (req) => ({
        items: await blacklist.listBlacklistRequests(deps, ctxOf(req), req.query),
      }),
    );
    app.post(
      '/api/blacklist-requests',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary:
            'Ask to tag a customer as a professional complainer (add) or lift the tag (remove), with reason and evidence',
          body: c.blacklistBody,
          response: { 201: c.blacklistRequest, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await blacklist.requestBlacklist(deps, ctxOf(req), req.body)),
    );
    app.post(
      '/api/blacklist-requests/:id/decision',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary: 'Approve or refuse a blacklist request (not by its requester)',
          params: idParams,
          body: c.decisionBody,
          response: { 200: c.blacklistRequest, ...errors },
        },
      },
      (req) => blacklist.decideBlacklist(deps, ctxOf(req), req.params.id, req.body),
    );
  };
