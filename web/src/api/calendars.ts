import { ApiError, api, request } from './client';

export interface CalendarText {
  zh: string;
  en: string;
}
export type DayHours = [string, string][];

export interface CalendarHoliday {
  date: string;
  name: CalendarText | null;
}
export interface CalendarWorkday {
  date: string;
  name: CalendarText | null;
  hours: DayHours | null;
}

/** A business calendar document as the server validates it. */
export interface CalendarDocument {
  id: string;
  name: CalendarText;
  timeZone: string;
  /** Sunday first. */
  weekHours: DayHours[];
  holidays: CalendarHoliday[];
  workdays: CalendarWorkday[];
  alwaysOpen: boolean;
  coveredFrom: string | null;
  coveredUntil: string | null;
}

/** A stored calendar with its summary. */
export interface BusinessCalendar {
  id: number;
  key: string;
  builtin: boolean;
  version: number;
  name: CalendarText;
  timeZone: string;
  alwaysOpen: boolean;
  coveredFrom: string | null;
  coveredUntil: string | null;
  holidayCount: number;
  workdayCount: number;
  document: CalendarDocument;
  updatedAt: string;
}

export interface DueResult {
  start: string;
  startLocal: string;
  due: string;
  dueLocal: string;
  timeZone: string;
}

export type DurationUnit = 'minutes' | 'hours' | 'working_days';

/** Every calendar. */
export async function listCalendars(): Promise<BusinessCalendar[]> {
  return (await api.get<{ items: BusinessCalendar[] }>('/api/calendars')).items;
}

/** One calendar by key or id. */
export function getCalendar(key: string): Promise<BusinessCalendar> {
  return api.get<BusinessCalendar>(`/api/calendars/${encodeURIComponent(key)}`);
}

/** Creates a calendar (a copy of another under a new key). */
export function createCalendar(key: string, document: CalendarDocument): Promise<BusinessCalendar> {
  return api.post<BusinessCalendar>('/api/calendars', { key, document });
}

/** Saves a calendar's document (STALE_VERSION when someone saved first). */
export function saveCalendar(
  key: string,
  document: CalendarDocument,
  version: number,
): Promise<BusinessCalendar> {
  return api.put<BusinessCalendar>(`/api/calendars/${encodeURIComponent(key)}`, {
    document,
    version,
  });
}

/** Deletes a calendar that is not shipped. */
export function deleteCalendar(key: string): Promise<void> {
  return api.delete(`/api/calendars/${encodeURIComponent(key)}`);
}

/** Restores a shipped calendar. */
export function resetCalendar(key: string, version: number): Promise<BusinessCalendar> {
  return api.post<BusinessCalendar>(`/api/calendars/${encodeURIComponent(key)}/reset`, {
    version,
  });
}

/** Imports an .ics text (merge by year, or replace). */
export function importCalendarICal(
  key: string,
  ics: string,
  mode: 'merge' | 'replace',
): Promise<{
  imported: { holidays: number; workdays: number; years: string[] };
  calendar: BusinessCalendar;
}> {
  return api.post(`/api/calendars/${encodeURIComponent(key)}/import-ical`, { ics, mode });
}

/** The download address of a calendar's .ics file. */
export function exportUrl(key: string): string {
  return `/api/calendars/${encodeURIComponent(key)}/export.ics`;
}

/** When a duration of business time from `start` falls due. */
export function computeDue(
  key: string,
  start: string,
  amount: number,
  unit: DurationUnit,
): Promise<DueResult> {
  return request<DueResult>('POST', `/api/calendars/${encodeURIComponent(key)}/compute`, {
    body: { start, duration: { amount, unit } },
  });
}

/** True when an error is the "calendar does not know that year" refusal. */
export function isNotCovered(e: unknown): e is ApiError {
  return e instanceof ApiError && e.code === 'CALENDAR_NOT_COVERED';
}
