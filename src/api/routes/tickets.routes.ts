import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { publicTicketStatus, submitPublicTicket } from '../../app/service/public-tickets.service';
import { addAttachment, readAttachment } from '../../app/service/ticket-attachments.service';
import * as edit from '../../app/service/ticket-edit.service';
import * as workflow from '../../app/service/ticket-workflow.service';
import * as tickets from '../../app/service/tickets.service';
import { pauseTicketClock, resumeTicketClock } from '../../app/sla/ticket-sla-pause';
import { agentQueue, supervisorView } from '../../app/sla/ticket-sla-queue';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';
import * as c from '../contracts/tickets';

const tags = ['tickets'];
const withTooMany = { ...errors, 429: errors[400] };

/** Routes for service tickets, the public form and the inbound API. */
export const ticketRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/service/taxonomy',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The request categories: top levels and the complaint tree',
          response: { 200: c.taxonomyResponse, ...errors },
        },
      },
      async () => tickets.getTaxonomy(),
    );
    app.get(
      '/api/public/service/taxonomy',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The request categories, for the public form',
          response: { 200: c.taxonomyResponse },
        },
      },
      async () => tickets.getTaxonomy(),
    );
    app.post(
      '/api/tickets',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary:
            'File a ticket (staff, or another system with channel api). An Idempotency-Key header makes retries safe: the same key returns the first ticket (200) instead of filing again',
          headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
          body: c.createTicketBody,
          response: { 200: c.ticketDetail, 201: c.ticketDetail, ...errors },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const r = await tickets.createTicket(deps, ctx, req.body, {
          idempotencyKey: req.headers['idempotency-key'],
        });
        const detail = await tickets.getTicket(deps, ctx, r.ticket.id);
        return reply
          .status(r.replayed ? 200 : 201)
          .header('idempotent-replayed', r.replayed ? 'true' : 'false')
          .send(detail);
      },
    );
    app.get(
      '/api/tickets',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary:
            'The ticket queue, newest first, filtered by status, assignee, customer, category, level, text',
          querystring: c.ticketQuery,
          response: { 200: c.ticketPage, ...errors },
        },
      },
      async (req) => tickets.listTickets(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/tickets/queue',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary:
            'The agent queue: open tickets by SLA (breached first, then the resolution due instant, tier best first, level 1 first), with each due instant and the time left',
          querystring: c.queueQuery,
          response: { 200: c.queueResponse, ...errors },
        },
      },
      async (req) => agentQueue(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/tickets/supervisor',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary:
            'Supervisor view: breached and at-risk (past the warning) open tickets, counted by assignee and tier, and listed',
          response: { 200: c.supervisorResponse, ...errors },
        },
      },
      async (req) => supervisorView(deps, ctxOf(req)),
    );
    app.post(
      '/api/tickets/:id/pause',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary:
            "Pause the ticket's SLA clocks while it waits on the customer (a paused clock answers INVALID_STATE)",
          params: idParams,
          body: c.pauseBody,
          response: { 200: c.ticketDetail, ...errors },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await pauseTicketClock(deps, ctx, req.params.id, req.body);
        return tickets.getTicket(deps, ctx, req.params.id);
      },
    );
    app.post(
      '/api/tickets/:id/resume',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary:
            "Resume the ticket's SLA clocks; the remaining deadlines move on by the paused business time",
          params: idParams,
          response: { 200: c.ticketDetail, ...errors },
        },
      },
      async (req) => {
        const ctx = ctxOf(req);
        await resumeTicketClock(deps, ctx, req.params.id);
        return tickets.getTicket(deps, ctx, req.params.id);
      },
    );
    app.get(
      '/api/tickets/:id',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary:
            'One ticket with its conversation (internal notes only for people working tickets)',
          params: idParams,
          response: { 200: c.ticketDetail, ...errors },
        },
      },
      async (req) => tickets.getTicket(deps, ctxOf(req), req.params.id),
    );
    app.patch(
      '/api/tickets/:id',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Refine the category, level or subject (with version)',
          params: idParams,
          body: c.updateBody,
          response: { 200: c.ticketDetail, ...errors },
        },
      },
      async (req) => edit.updateTicket(deps, ctxOf(req), req.params.id, req.body),
    );
    const action = (
      path: string,
      summary: string,
      body: z.ZodType,
      fn: typeof workflow.addMessage,
    ) =>
      app.post(
        `/api/tickets/:id/${path}`,
        {
          config: { access: 'tickets.work' },
          schema: {
            tags,
            summary,
            params: idParams,
            body,
            response: { 200: c.ticketDetail, ...errors },
          },
        },
        async (req) => fn(deps, ctxOf(req), req.params.id, req.body),
      );
    action(
      'messages',
      'Add a reply (customer sees it), an internal note or a follow-up record',
      c.messageBody,
      workflow.addMessage,
    );
    action(
      'transition',
      'Move the ticket to another status (with version); illegal moves answer INVALID_STATE',
      c.transitionBody,
      workflow.transitionTicket,
    );
    action(
      'assign',
      'Give the ticket to someone who works tickets',
      c.assignBody,
      workflow.assignTicket,
    );
    app.post(
      '/api/tickets/:id/verify',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Mark a public-form ticket as checked against its customer',
          params: idParams,
          response: { 200: c.ticketDetail, ...errors },
        },
      },
      async (req) => edit.verifyTicket(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/tickets/:id/attachments',
      {
        config: { access: 'tickets.work' },
        // 10 MB of file is about 13.4 MB of base64.
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Attach a file (base64 in JSON, at most 10 MB)',
          params: idParams,
          body: c.attachmentBody,
          response: { 201: c.ticketAttachment, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addAttachment(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.get(
      '/api/tickets/:id/attachments/:attachmentId',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Download an attachment',
          params: idParams.extend({ attachmentId: z.coerce.number().int().positive() }),
          response: { 200: z.any().describe('the file'), ...errors },
        },
      },
      async (req, reply) => {
        const f = await readAttachment(deps, ctxOf(req), req.params.id, req.params.attachmentId);
        return reply
          .header('content-type', f.attachment.contentType)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(f.attachment.fileName)}`,
          )
          .send(f.bytes);
      },
    );
    app.get(
      '/api/customers/:id/tickets',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: "A customer's tickets, newest first",
          params: idParams,
          querystring: z.object({ page: z.coerce.number().int().positive().optional() }),
          response: { 200: c.ticketPage, ...errors },
        },
      },
      async (req) => tickets.customerTickets(deps, ctxOf(req), req.params.id, req.query.page),
    );
    app.post(
      '/api/public/tickets',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The public web form: customer code, a contact phone, category and description; answers the reference to quote',
          body: c.publicTicketBody,
          response: { 201: c.publicTicketResponse, ...withTooMany },
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          await submitPublicTicket(deps, req.body, {
            ip: req.ip,
            now: new Date(),
            requestId: String(req.id),
          }),
        ),
    );
    app.get(
      '/api/public/tickets/:reference',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A customer checks its ticket by reference and customer code (replies only)',
          params: z.object({ reference: z.string().max(40) }),
          querystring: z.object({ customerCode: z.string().min(1).max(50) }),
          response: { 200: c.publicStatusResponse, ...withTooMany },
        },
      },
      async (req) =>
        publicTicketStatus(deps, req.params.reference, req.query.customerCode, {
          ip: req.ip,
          now: new Date(),
        }),
    );
  };
