import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Deps } from '../../src/app/deps';

/**
 * Measures how long a service spends in SQL without touching the service: a Kysely plugin sees
 * every query just before it is compiled and sent (`transformQuery`) and its rows once the driver
 * has turned them into objects (`transformResult`). The time from one to the other is the
 * query's database time, driver decoding included. Queries that overlap (PostgreSQL runs the
 * nine-grid's column loads on several pool connections at once) are counted once: the figure is
 * the wall-clock time during which at least one query was in flight.
 *
 * A sub-query builder is also passed through `transformQuery` when it is embedded in another
 * query, but no result ever comes back under its id, so it adds nothing.
 */
export class SqlTimer implements KyselyPlugin {
  private readonly started = new WeakMap<object, number>();
  private intervals: [number, number][] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!this.started.has(args.queryId)) this.started.set(args.queryId, performance.now());
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const from = this.started.get(args.queryId);
    if (from !== undefined) this.intervals.push([from, performance.now()]);
    return args.result;
  }

  /** Forgets what was measured so far. */
  reset(): void {
    this.intervals = [];
  }

  /** Queries that completed since the last reset. */
  get queries(): number {
    return this.intervals.length;
  }

  /** Milliseconds during which at least one query was in flight, since the last reset. */
  busyMs(): number {
    const sorted = [...this.intervals].sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = Number.NEGATIVE_INFINITY;
    for (const [s, e] of sorted) {
      if (e <= end) continue;
      total += e - Math.max(s, end);
      end = e;
    }
    return total;
  }
}

/** The same dependencies with every query of `deps.store.db` timed by `timer`. */
export function timedDeps(deps: Deps, timer: SqlTimer): Deps {
  return { ...deps, store: { ...deps.store, db: deps.store.db.withPlugin(timer) } };
}
