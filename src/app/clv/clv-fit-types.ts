import type { ClvModel } from '../../store/analytics/clv-models.repository';

export type ClvFitPhase = 'loading' | 'fitting' | 'scoring' | 'storing' | 'done';

/** What a fit reports while it works (the job's progress, the CLI's bar). */
export interface ClvFitProgress {
  modelId: number;
  phase: ClvFitPhase;
  done: number;
  total: number;
  /** Which model is being fitted, in the fitting phase. */
  step?: 'bgnbd' | 'gamma_gamma';
  /** Optimiser iterations of the last finished fit. */
  iteration?: number;
}

/** Reports a step of the fit; the model id is added by the fit itself. */
export type ClvFitReport = (p: Omit<ClvFitProgress, 'modelId'>) => Promise<void>;

export interface ClvFitRunOptions {
  /** The job running the fit: a second attempt of the same job finds its model row again. */
  jobId?: number | null;
  /** Who asked (told when it ends; the model's created_by). Defaults to the actor. */
  requestedBy?: number | null;
  onProgress?: (p: ClvFitProgress) => Promise<void> | void;
  /** Customers from which the fits run in a worker thread (default 50,000; see fit-in-worker). */
  workerFromCustomers?: number;
}

/** What a finished fit returns (and the job keeps as its result). */
export interface ClvFitResult {
  modelId: number;
  asOf: string;
  calibrationEnd: string;
  customers: number;
  repeatCustomers: number;
  scoredCustomers: number;
  bgnbd: ClvModel['bgnbd'];
  gammaGamma: ClvModel['gammaGamma'];
  warnings: string[];
}
