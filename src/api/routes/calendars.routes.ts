import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeDue, previewCalendar } from '../../app/calendars/calendar-compute.service';
import { exportCalendarICal, importCalendarICal } from '../../app/calendars/calendar-ical.service';
import * as calendars from '../../app/calendars/calendars.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import {
  calendarParams,
  calendarView,
  computeBody,
  computeResult,
  createCalendarBody,
  importBody,
  importQuery,
  importResult,
  previewQuery,
  previewResult,
  updateCalendarBody,
} from '../contracts/calendars';
import { errors } from '../contracts/common';

const tags = ['calendars'];
const ICS_LIMIT = 5 * 1024 * 1024;

/** Business calendars: list, edit, iCalendar import/export, day preview and deadline tries. */
export const calendarRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // An .ics file may be posted as it is (scoped to this plugin's routes).
    app.addContentTypeParser('text/calendar', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/api/calendars',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Every business calendar (needs tickets.work or service.manage)',
          response: { 200: z.object({ items: z.array(calendarView) }), ...errors },
        },
      },
      async (req) => ({ items: await calendars.listCalendars(deps, ctxOf(req)) }),
    );
    app.get(
      '/api/calendars/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'One calendar by id or key, with its hours, holidays and make-up working days',
          params: calendarParams,
          response: { 200: calendarView, ...errors },
        },
      },
      (req) => calendars.getCalendar(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/calendars',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary: 'Create a calendar (e.g. a copy of a shipped one)',
          body: createCalendarBody,
          response: { 201: calendarView, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await calendars.createCalendar(deps, ctxOf(req), req.body)),
    );
    app.put(
      '/api/calendars/:id',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary: 'Replace a calendar’s document (optimistic lock on version)',
          params: calendarParams,
          body: updateCalendarBody,
          response: { 200: calendarView, ...errors },
        },
      },
      (req) => calendars.updateCalendar(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/calendars/:id',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary: 'Delete a calendar (shipped calendars are refused)',
          params: calendarParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await calendars.deleteCalendar(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/calendars/:id/reset',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary: 'Restore a shipped calendar to the data the product ships',
          params: calendarParams,
          body: z.object({ version: z.number().int() }),
          response: { 200: calendarView, ...errors },
        },
      },
      (req) => calendars.resetCalendar(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/calendars/:id/import-ical',
      {
        config: { access: 'service.manage' },
        bodyLimit: ICS_LIMIT,
        schema: {
          tags,
          summary:
            'Import holidays and make-up days from iCalendar (text/calendar body or JSON {ics}); mode merge|replace',
          params: calendarParams,
          querystring: importQuery,
          body: importBody,
          response: { 200: importResult, ...errors },
        },
      },
      (req) => {
        const q = req.query;
        const fromQuery = {
          ...(q.mode ? { mode: q.mode } : {}),
          ...(q.coverYears ? { coverYears: q.coverYears === 'true' } : {}),
          ...(q.version ? { version: q.version } : {}),
        };
        const raw = typeof req.body === 'string' ? { ics: req.body } : req.body;
        return importCalendarICal(deps, ctxOf(req), req.params.id, { ...fromQuery, ...raw });
      },
    );
    app.get(
      '/api/calendars/:id/export.ics',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The calendar’s holidays and make-up working days as an iCalendar file',
          params: calendarParams,
          response: { 200: z.string().describe('text/calendar'), ...errors },
        },
      },
      async (req, reply) => {
        const f = await exportCalendarICal(deps, ctxOf(req), req.params.id);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${f.fileName}"`)
          .send(f.text);
      },
    );
    app.get(
      '/api/calendars/:id/preview',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Each day from..to: working, closed, holiday, make-up workday, with its hours',
          params: calendarParams,
          querystring: previewQuery,
          response: { 200: previewResult, ...errors },
        },
      },
      (req) => previewCalendar(deps, ctxOf(req), req.params.id, req.query),
    );
    app.post(
      '/api/calendars/:id/compute',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The due instant of a duration of business time from a start',
          params: calendarParams,
          body: computeBody,
          response: { 200: computeResult, ...errors },
        },
      },
      (req) => computeDue(deps, ctxOf(req), req.params.id, req.body),
    );
  };
