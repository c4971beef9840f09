import {
  alwaysOpenCalendar,
  type BusinessCalendar,
  chinaMainlandCalendar,
} from '../src/domain/calendar';
import { type ResolvedTarget, resolvedDeadlines, type SlaTarget } from '../src/domain/sla';
import { machine } from './lib/machine';
import { envInt, printTable, writeResult } from './lib/report';

/**
 * SLA deadlines for many tickets: each ticket gets a first-reply and a resolution target
 * (mixed minutes / hours / working days) with a warning at 80 % and one escalation step, on
 * the China mainland calendar or the 24×7 one, opened at a random instant in 2025–2026, through
 * `resolvedDeadlines` (the function ticket intake and recomputation call). Pure CPU: no database.
 * Env: BENCH_TICKETS (1,000,000), BENCH_SEED (42).
 */
const TICKETS = envInt('BENCH_TICKETS', 1_000_000);
const SEED = envInt('BENCH_SEED', 42);

/** A small deterministic PRNG (mulberry32) so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const calendars: Record<string, BusinessCalendar> = {
  'cn-mainland': chinaMainlandCalendar(),
  'always-open': alwaysOpenCalendar('Asia/Shanghai'),
};
const firstReplies: SlaTarget[] = [
  { unit: 'minutes', amount: 30 },
  { unit: 'hours', amount: 2 },
  { unit: 'hours', amount: 4 },
  { unit: 'hours', amount: 8 },
];
const resolutions: SlaTarget[] = [
  { unit: 'hours', amount: 24 },
  { unit: 'hours', amount: 40 },
  { unit: 'working_days', amount: 1 },
  { unit: 'working_days', amount: 3 },
  { unit: 'working_days', amount: 5 },
];

function resolved(
  key: 'firstReply' | 'resolution',
  target: SlaTarget,
  cal: string,
): ResolvedTarget {
  return {
    key,
    target,
    policyKey: 'bench',
    calendar: cal,
    warnAt: 0.8,
    escalation: [{ target: key, afterFraction: 1, role: 'supervisor' }],
    inherited: false,
  };
}

// Opened 2025-01-01 … 2026-12-10 (Shanghai): a 5-working-day target stays inside the coverage.
const FROM = Date.parse('2025-01-01T00:00:00+08:00');
const TO = Date.parse('2026-12-10T00:00:00+08:00');

function run(calKey: string, n: number, rnd: () => number): { ms: number; dues: number } {
  const cal = calendars[calKey] as BusinessCalendar;
  const calendarOf = () => cal;
  const t0 = performance.now();
  let dues = 0;
  for (let i = 0; i < n; i++) {
    const start = new Date(FROM + Math.floor(rnd() * (TO - FROM)));
    const fr = firstReplies[Math.floor(rnd() * firstReplies.length)] as SlaTarget;
    const rs = resolutions[Math.floor(rnd() * resolutions.length)] as SlaTarget;
    const out = resolvedDeadlines(
      {
        firstReply: resolved('firstReply', fr, calKey),
        resolution: resolved('resolution', rs, calKey),
      },
      calendarOf,
      start,
    );
    dues += out.length;
  }
  return { ms: performance.now() - t0, dues };
}

const m = machine();
console.log(`  ${m.cpuModel}, ${m.cores} cores, Node ${m.node}, load ${m.loadAverage1m}`);
const rnd = prng(SEED);
// Warm-up so the JIT and the calendars' compiled-day caches are in place for both calendars.
run('cn-mainland', 20_000, rnd);
run('always-open', 20_000, rnd);

const rows: Record<string, string | number>[] = [];
let totalMs = 0;
let totalTickets = 0;
const share: Record<string, number> = { 'cn-mainland': 0.7, 'always-open': 0.3 };
for (const calKey of Object.keys(calendars)) {
  const n = Math.round(TICKETS * (share[calKey] ?? 0.5));
  const r = run(calKey, n, rnd);
  totalMs += r.ms;
  totalTickets += n;
  rows.push({
    calendar: calKey,
    tickets: n,
    deadlines: r.dues * 3,
    seconds: Number((r.ms / 1000).toFixed(2)),
    ticketsPerSecond: Math.round(n / (r.ms / 1000)),
  });
}
rows.push({
  calendar: 'total',
  tickets: totalTickets,
  deadlines: rows.reduce((s, r) => s + Number(r.deadlines), 0),
  seconds: Number((totalMs / 1000).toFixed(2)),
  ticketsPerSecond: Math.round(totalTickets / (totalMs / 1000)),
});
printTable(rows);
console.log('  deadlines = due + warning + escalation instants per target, 2 targets per ticket');
const file = writeResult('sla-deadlines', { machine: m, tickets: TICKETS, seed: SEED, rows });
console.log(`  written to ${file}`);
