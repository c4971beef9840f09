import autocannon from 'autocannon';
import { type LoadSession, sessionHeaders } from './load-client';
import { runImport } from './load-import';

/** What the mixed workload works on: real customer codes and open tickets. */
export interface LoadTargets {
  /** Customers with a published tier (card lookups and order checks). */
  codes: string[];
  /** Tickets still open, so a note can be added to them. */
  ticketIds: number[];
  /** A delivery date far enough ahead for every tier's lead time. */
  deliveryDate: string;
}

/** One kind of request in a round. */
export interface KindResult {
  kind: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** How many answers each status code got (so a non-2xx shows what it was). */
  statuses: Record<string, number>;
}

/** A round: the kinds, run at the same time, and the imports that ran beside them. */
export interface RoundResult {
  seconds: number;
  kinds: KindResult[];
  totalRequestsPerSecond: number;
  imports: { runs: number; rows: number; seconds: number[] };
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

function summary(kind: string, connections: number, r: autocannon.Result): KindResult {
  return {
    kind,
    connections,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statuses: Object.fromEntries(
      Object.entries(
        (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ??
          {},
      ).map(([code, v]) => [code, v.count]),
    ),
  };
}

/**
 * Runs the mixed workload for `seconds`: front-line card lookups on most connections, notes
 * added to tickets and order checks on the rest (about 70/15/15), while customer imports run
 * one after another in the background until the round ends (the last one is awaited).
 */
export async function mixedRound(opts: {
  port: number;
  session: LoadSession;
  targets: LoadTargets;
  seconds: number;
  connections: number;
  importRows: number;
  importPrefix: string;
}): Promise<RoundResult> {
  const { port, session, targets, seconds } = opts;
  const cardConns = Math.max(1, Math.round(opts.connections * 0.7));
  const ticketConns = Math.max(1, Math.round(opts.connections * 0.15));
  const orderConns = Math.max(1, opts.connections - cardConns - ticketConns);
  const headers = sessionHeaders(session);
  const url = `http://127.0.0.1:${port}`;
  const common = { url, duration: seconds, timeout: 30 } as const;

  const card = autocannon({
    ...common,
    connections: cardConns,
    requests: [
      {
        method: 'GET',
        path: '/api/frontline/card',
        headers: { cookie: session.cookie },
        setupRequest: (req) => ({
          ...req,
          path: `/api/frontline/card?code=${encodeURIComponent(pick(targets.codes))}`,
        }),
      },
    ],
  });
  let nextTicket = 0;
  const ticketOf = (context: { ticketId?: number }) => {
    context.ticketId ??= targets.ticketIds[nextTicket++ % targets.ticketIds.length] as number;
    return context.ticketId;
  };
  const tickets = autocannon({
    ...common,
    connections: ticketConns,
    requests: [
      {
        method: 'POST',
        path: '/api/tickets/0/messages',
        headers,
        // Each connection works its own ticket, as an agent does: two agents writing on one
        // ticket at the same instant is a conflict the API reports (409), not load.
        setupRequest: (req, context) => ({
          ...req,
          path: `/api/tickets/${ticketOf(context as { ticketId?: number })}/messages`,
          body: JSON.stringify({ kind: 'note', body: 'Called back, customer satisfied' }),
        }),
      },
    ],
  });
  const orders = autocannon({
    ...common,
    connections: orderConns,
    requests: [
      {
        method: 'POST',
        path: '/api/orders/check',
        headers,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            customerCode: pick(targets.codes),
            lines: [
              {
                product: 'Pump P-100',
                quantity: 1 + Math.floor(Math.random() * 20),
                internalPriceMinor: 10_000,
              },
              { product: 'Valve V-2', quantity: 4, internalPriceMinor: 2_500 },
            ],
            requestedDiscountPct: Math.floor(Math.random() * 6),
            paymentTerm: 'prepay',
            deliveryDate: targets.deliveryDate,
            rush: false,
          }),
        }),
      },
    ],
  });

  // Background imports, one after another, until the load stops.
  let loadDone = false;
  const importSeconds: number[] = [];
  let importRows = 0;
  const imports = (async () => {
    for (let i = 0; !loadDone; i++) {
      const t0 = performance.now();
      importRows += await runImport(session, opts.importRows, `${opts.importPrefix}${i}`);
      importSeconds.push(Math.round((performance.now() - t0) / 100) / 10);
    }
  })();

  const [c, t, o] = await Promise.all([card, tickets, orders]);
  loadDone = true;
  await imports;
  const kinds = [
    summary('front-line card (GET)', cardConns, c),
    summary('ticket note (POST)', ticketConns, t),
    summary('order check (POST)', orderConns, o),
  ];
  return {
    seconds,
    kinds,
    totalRequestsPerSecond: kinds.reduce((s, k) => s + k.requestsPerSecond, 0),
    imports: { runs: importSeconds.length, rows: importRows, seconds: importSeconds },
  };
}
