import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { chinaMainlandCalendar } from '../../src/domain/calendar';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

const PASSWORD = 'Calendar-pass-123';
const OFFICE: [string, string][] = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];

/** A plain office calendar document; tests change one thing at a time. */
function officeDoc(over: Record<string, unknown> = {}) {
  return {
    id: 'office',
    name: { zh: '办公室', en: 'Office' },
    timeZone: 'Asia/Shanghai',
    weekHours: [[], OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, []],
    holidays: [],
    workdays: [],
    coveredFrom: '2026-01-01',
    coveredUntil: '2026-12-31',
    ...over,
  };
}

describeEachEngine('business calendars through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let supervisor: Client;
  let finance: Client;
  const compute = (c: Client, key: string, start: string, amount: number, unit = 'hours') =>
    c.request({
      method: 'POST',
      url: `/api/calendars/${key}/compute`,
      payload: { start, duration: { amount, unit } },
    });
  const issuesOf = (body: { error: { details: { issues?: { field: string; row?: number }[] } } }) =>
    body.error.details.issues ?? [];

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    ({
      agent,
      super: supervisor,
      fin: finance,
    } = await signInRoles(
      deps(),
      app,
      { agent: 'service_agent', super: 'service_supervisor', fin: 'finance' },
      PASSWORD,
    ));
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('lets agents read and compute, supervisors write, and refuses everyone else', async () => {
    const list = await agent.request({ method: 'GET', url: '/api/calendars' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['cn-mainland', '24x7']),
    );
    expect((await finance.request({ method: 'GET', url: '/api/calendars' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/calendars' })).statusCode).toBe(401);
    const body = { key: 'office', document: officeDoc() };
    expect(
      (await agent.request({ method: 'POST', url: '/api/calendars', payload: body })).statusCode,
    ).toBe(403);
    const made = await supervisor.request({ method: 'POST', url: '/api/calendars', payload: body });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ key: 'office', builtin: false, version: 1 });
    const again = await supervisor.request({
      method: 'POST',
      url: '/api/calendars',
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE');
    const del = await admin.request({ method: 'DELETE', url: '/api/calendars/cn-mainland' });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toMatch(/cannot be deleted/);
  });

  it('names the field of overlapping, inverted and doubly listed days, and of no working time', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          weekHours: [
            [],
            [
              ['09:00', '12:00'],
              ['11:00', '18:00'],
            ],
            [],
            [],
            [],
            [],
            [],
          ],
        },
        'document.weekHours.1.1',
      ],
      [{ weekHours: [[], OFFICE, [['18:00', '09:00']], [], [], [], []] }, 'document.weekHours.2.0'],
      [{ holidays: ['2026-03-02'], workdays: ['2026-03-02'] }, 'document.workdays.0.date'],
      [{ weekHours: [[], [], [], [], [], [], []] }, 'document.weekHours'],
      [
        {
          weekHours: [[], OFFICE, [], [], [], [], []],
          holidays: ['2030-01-07'],
          coveredFrom: '2030-01-01',
          coveredUntil: '2030-01-07',
        },
        'document.holidays',
      ],
    ];
    for (const [over, field] of cases) {
      const res = await supervisor.request({
        method: 'POST',
        url: '/api/calendars',
        payload: { key: 'bad', document: officeDoc(over) },
      });
      expect(res.statusCode, field).toBe(400);
      expect(issuesOf(res.json()).map((i) => i.field)).toContain(field);
    }
  });

  it('computes deadlines around the 2026 Spring Festival with its make-up Saturdays', async () => {
    const due = async (start: string, amount: number, unit = 'hours') => {
      const res = await agent.request({
        method: 'POST',
        url: '/api/calendars/cn-mainland/compute',
        payload: { start, duration: { amount, unit } },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().due as string;
    };
    // Fri 13 Feb 17:00 + 4 h: 1 h on Friday, 3 h on the make-up Saturday 14 Feb → 12:00.
    expect(await due('2026-02-13T17:00', 4)).toBe('2026-02-14T04:00:00.000Z');
    // Sat 14 Feb 17:00 + 2 h: 1 h that Saturday, then 15–23 Feb off → Tue 24 Feb 10:00.
    expect(await due('2026-02-14T17:00', 2)).toBe('2026-02-24T02:00:00.000Z');
    // Fri 27 Feb 17:30 + 1 h: 30 min on Friday, 30 min on the make-up Saturday 28 Feb.
    expect(await due('2026-02-27T17:30', 1)).toBe('2026-02-28T01:30:00.000Z');
    // Working days close at 18:00: 1 → Sat 14 Feb, 2 → Tue 24 Feb.
    expect(await due('2026-02-13T10:00', 1, 'working_days')).toBe('2026-02-14T10:00:00.000Z');
    expect(await due('2026-02-13T10:00', 2, 'working_days')).toBe('2026-02-24T10:00:00.000Z');
    // An instant with an offset is taken as given (09:00 UTC = 17:00 Beijing).
    expect(await due('2026-02-13T09:00:00Z', 4)).toBe('2026-02-14T04:00:00.000Z');
    // 24×7 counts every minute, holidays or not.
    const urgent = await compute(agent, '24x7', '2026-02-15T23:00', 4);
    expect(urgent.json()).toMatchObject({
      due: '2026-02-15T19:00:00.000Z',
      dueLocal: '2026-02-16 03:00',
    });
  });

  it('answers 409 CALENDAR_NOT_COVERED naming the year to add, and never loops', async () => {
    const res = await compute(agent, 'cn-mainland', '2026-12-31T17:00', 2);
    expect(res.statusCode).toBe(409);
    const err = res.json().error;
    expect(err.code).toBe('CALENDAR_NOT_COVERED');
    expect(err.message).toMatch(/add the 2027 holidays/);
    expect(err.details).toMatchObject({ date: '2027-01-01', year: 2027 });

    // Working time only on one make-up day and nothing weekly: the walk stops with an error.
    const made = await supervisor.request({
      method: 'POST',
      url: '/api/calendars',
      payload: {
        key: 'one-day',
        document: officeDoc({
          id: 'one-day',
          weekHours: [[], [], [], [], [], [], []],
          workdays: [{ date: '2026-01-05', hours: OFFICE }],
          coveredFrom: null,
          coveredUntil: null,
        }),
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const stuck = await compute(agent, 'one-day', '2026-06-01T09:00', 1);
    expect(stuck.statusCode).toBe(409);
    expect(stuck.json().error.message).toMatch(/no working hours for 800 days/);
  });

  it('validates compute and preview input by field', async () => {
    const bad = await agent.request({
      method: 'POST',
      url: '/api/calendars/cn-mainland/compute',
      payload: { start: 'tomorrow', duration: { amount: 1.5, unit: 'working_days' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.json()).map((i) => i.field)).toEqual(
      expect.arrayContaining(['start', 'duration.amount']),
    );
    const preview = await agent.request({
      method: 'GET',
      url: '/api/calendars/cn-mainland/preview?from=2026-02-13&to=2026-02-16',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().days.map((d: { kind: string }) => d.kind)).toEqual([
      'working',
      'workday',
      'holiday',
      'holiday',
    ]);
    expect(preview.json().days[1].name.zh).toBe('春节调休上班');
  });

  it('imports iCalendar (text/calendar or JSON), names bad lines, exports what it holds', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:a@test',
      'DTSTART;VALUE=DATE:2026101',
      'SUMMARY:坏日期',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const bad = await supervisor.request({
      method: 'POST',
      url: '/api/calendars/office/import-ical',
      headers: { 'content-type': 'text/calendar' },
      payload: ics,
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.json())[0]).toMatchObject({ row: 5 });
    expect(bad.json().error.message).toMatch(/line 5/);

    const good = ics.replace('2026101', '20261012').replace('坏日期', '公司年假');
    const ok = await supervisor.request({
      method: 'POST',
      url: '/api/calendars/office/import-ical?mode=merge',
      headers: { 'content-type': 'text/calendar' },
      payload: good,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().imported).toMatchObject({ holidays: 1, years: ['2026'] });
    const refused = await agent.request({
      method: 'POST',
      url: '/api/calendars/office/import-ical',
      payload: { ics: good },
    });
    expect(refused.statusCode).toBe(403);

    const exported = await agent.request({
      method: 'GET',
      url: '/api/calendars/cn-mainland/export.ics',
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/text\/calendar/);
    // Round trip: replacing the office calendar's days with the export gives China's days.
    const office = (
      await supervisor.request({ method: 'GET', url: '/api/calendars/office' })
    ).json();
    const replaced = await supervisor.request({
      method: 'POST',
      url: '/api/calendars/office/import-ical',
      payload: { ics: exported.body, mode: 'replace', version: office.version },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const china = chinaMainlandCalendar();
    expect(replaced.json().calendar.document.holidays).toEqual(china.holidays);
    expect(replaced.json().calendar.document.workdays).toEqual(china.workdays);
    expect(replaced.json().calendar.coveredFrom).toBe('2025-01-01');
  });
});
