import { api } from './client';

/** A review schedule: a cron line that starts a review cycle (job kind review.start_cycle). */
export interface ReviewSchedule {
  id: number;
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  payload: {
    schemeId?: number;
    kind?: 'annual' | 'interim';
    nameTemplate?: string;
    deadlineDays?: number;
  } & Record<string, unknown>;
  enabled: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  createdAt: string;
}

export interface ReviewScheduleInput {
  name: string;
  cron: string;
  timezone?: string;
  payload: {
    schemeId: number;
    kind: 'annual' | 'interim';
    nameTemplate: string;
    deadlineDays?: number;
  };
  enabled?: boolean;
}

/** Every review schedule (needs reviews.manage). */
export async function listSchedules(): Promise<ReviewSchedule[]> {
  return (await api.get<{ items: ReviewSchedule[] }>('/api/reviews/schedules')).items;
}

/** Creates a schedule. */
export function createSchedule(body: ReviewScheduleInput): Promise<ReviewSchedule> {
  return api.post('/api/reviews/schedules', { kind: 'review.start_cycle', ...body });
}

/** Turns a schedule on or off. */
export function setScheduleEnabled(id: number, enabled: boolean): Promise<ReviewSchedule> {
  return api.patch(`/api/reviews/schedules/${id}`, { enabled });
}

/** Deletes a schedule (the cycles it started stay). */
export function deleteSchedule(id: number): Promise<void> {
  return api.delete(`/api/reviews/schedules/${id}`);
}
