import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { listJobs, listJobsQuery } from '../../app/jobs/jobs.service';
import * as schedules from '../../app/jobs/schedules.service';
import { ctxOf } from '../access';
import { errors, idParams, page } from '../contracts/common';
import {
  createReviewScheduleBody,
  job,
  reviewSchedule,
  updateReviewScheduleBody,
} from '../contracts/jobs';

/** The review schedules API only reaches schedules of review job kinds. */
const reviews = { kindPrefix: 'review.' };

/** Review-cycle schedules (cron, in a time zone) and the list of background jobs. */
export const jobRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/reviews/schedules',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags: ['review'],
          summary: 'Review-cycle schedules with their next and last run',
          response: { 200: z.object({ items: z.array(reviewSchedule) }), ...errors },
        },
      },
      async (req) => ({ items: await schedules.listSchedules(deps, ctxOf(req), reviews) }),
    );
    app.post(
      '/api/reviews/schedules',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags: ['review'],
          summary: 'Schedule review cycles with a cron expression (e.g. 0 0 20 12 * yearly)',
          body: createReviewScheduleBody,
          response: { 201: reviewSchedule, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await schedules.createSchedule(deps, ctxOf(req), req.body, reviews)),
    );
    app.patch(
      '/api/reviews/schedules/:id',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags: ['review'],
          summary: 'Change a review schedule (name, cron, time zone, payload, enabled)',
          params: idParams,
          body: updateReviewScheduleBody,
          response: { 200: reviewSchedule, ...errors },
        },
      },
      (req) => schedules.updateSchedule(deps, ctxOf(req), req.params.id, req.body, reviews),
    );
    app.delete(
      '/api/reviews/schedules/:id',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags: ['review'],
          summary: 'Delete a review schedule (jobs it queued stay)',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await schedules.deleteSchedule(deps, ctxOf(req), req.params.id, reviews);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/jobs',
      {
        config: { access: 'jobs.read' },
        schema: {
          tags: ['jobs'],
          summary: 'Background jobs with status, progress and errors, newest first',
          querystring: listJobsQuery,
          response: { 200: page(job), ...errors },
        },
      },
      (req) => listJobs(deps, ctxOf(req), req.query),
    );
  };
