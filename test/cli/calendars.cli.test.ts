import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '../support/cli';

const ICS_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:ny-2027@test',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('tierdesk calendar commands', { timeout: 120_000 }, () => {
  const cli = cliSandbox();
  const { dir, tierdesk, failing } = cli;

  beforeAll(async () => {
    const deps = await cli.openDeps();
    await deps.store.close();
  });
  afterAll(() => cli.dispose());

  it('lists the shipped calendars and computes a due time over the Spring Festival', async () => {
    const list = await tierdesk('calendar', 'list');
    expect(list.stdout).toMatch(/cn-mainland/);
    expect(list.stdout).toMatch(/24x7/);
    expect(list.stdout).toMatch(/2026-12-31/);
    const due = await tierdesk(
      'calendar',
      'due',
      'cn-mainland',
      '--start',
      '2026-02-13T17:00',
      '--hours',
      '4',
    );
    expect(due.stdout).toMatch(/Due 2026-02-14 12:00 Asia\/Shanghai \(2026-02-14T04:00:00.000Z\)/);
    const days = await tierdesk(
      'calendar',
      'due',
      'cn-mainland',
      '--start',
      '2026-02-13T10:00',
      '--days',
      '2',
    );
    expect(days.stdout).toMatch(/Due 2026-02-24 18:00/);
  });

  it('refuses a deadline in 2027 until 2027 is imported, then answers; exports the file', async () => {
    const refused = await failing(
      'calendar',
      'due',
      'cn-mainland',
      '--start',
      '2026-12-31T17:00',
      '--hours',
      '2',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/add the 2027 holidays/);

    const ics = join(dir, '2027.ics');
    writeFileSync(ics, ICS_2027);
    const imported = await tierdesk('calendar', 'import', 'cn-mainland', ics);
    expect(imported.stdout).toMatch(/Imported 3 holiday\(s\) and 0 make-up day\(s\) for 2027/);
    expect(imported.stdout).toMatch(/covered until 2027-12-31/);
    // 31 Dec 17:00 + 2 h: 1 h on Thursday, then 1–3 Jan off → Mon 4 Jan 10:00.
    const due = await tierdesk(
      'calendar',
      'due',
      'cn-mainland',
      '--start',
      '2026-12-31T17:00',
      '--hours',
      '2',
    );
    expect(due.stdout).toMatch(/Due 2027-01-04 10:00/);

    const out = join(dir, 'out.ics');
    await tierdesk('calendar', 'export', 'cn-mainland', '--out', out);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR/);
    expect(text).toMatch(/DTSTART;VALUE=DATE:20270101/);
  });

  it('names the line of a broken file and saves nothing', async () => {
    const bad = join(dir, 'bad.ics');
    writeFileSync(
      bad,
      ICS_2027.replace('DTSTART;VALUE=DATE:20270101', 'DTSTART;VALUE=DATE:2027-1'),
    );
    const failed = await failing('calendar', 'import', 'cn-mainland', bad);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/line 5/);
    const none = await failing('calendar', 'due', 'cn-mainland', '--start', '2026-01-05T09:00');
    expect(none.stderr).toMatch(/exactly one of --hours, --minutes or --days/);
  });
});
