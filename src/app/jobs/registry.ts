import type { z } from 'zod';
import type { Permission } from '../../domain/auth/permissions';
import type { Ctx } from '../context';
import type { Deps } from '../deps';

/** What a handler gets besides its payload. */
export interface JobContext {
  deps: Deps;
  /** The system actor, with the runner's clock and the job as request id (audit trail). */
  ctx: Ctx;
  job: {
    id: number;
    kind: string;
    attempts: number;
    maxAttempts: number;
    runAt: string;
    dedupeKey: string | null;
  };
  /** Records progress the UI shows and renews the lease; throws when the lease was lost. */
  progress(progress: unknown): Promise<void>;
}

/**
 * A job kind. Handlers must be idempotent: an attempt can be cut short by a crash and run again,
 * so a handler checks what an earlier attempt already did before doing it twice.
 */
export interface JobHandler<P = unknown> {
  /** Parses the stored payload; a payload that does not parse fails the job without retries. */
  payload: z.ZodType<P>;
  /** Does the work; what it returns is kept as the job's final progress. */
  run(payload: P, jc: JobContext): Promise<unknown>;
  /** Who may create and change schedules of this kind. */
  manage: Permission;
  /** Attempts before the job fails for good (default 3). */
  maxAttempts?: number;
  /** Checks a payload against the database when a schedule is saved (e.g. the scheme exists). */
  check?(deps: Deps, payload: P): Promise<void>;
}

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a job kind; registering a kind again replaces its handler. */
export function registerJobHandler<P>(kind: string, handler: JobHandler<P>): void {
  handlers.set(kind, handler as unknown as JobHandler);
}

/** The handler of a kind, if one is registered. */
export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

/** Every registered kind (runners only claim jobs they can run). */
export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}
