import type { Generated } from 'kysely';

/**
 * One lifetime-value fit (migration 0021): its settings, the fitted BG/NBD and Gamma-Gamma
 * parameters, the calibration/holdout evaluation and what went wrong. A row is written as
 * 'running' when the fit starts and becomes 'finished' or 'failed'.
 */
export interface ClvModelsTable {
  id: Generated<number>;
  /** 'running' | 'finished' | 'failed'. */
  status: string;
  /** Last day of data (YYYY-MM-DD); predictions are as of this day. */
  as_of: string;
  /** Last day of the calibration period: the as-of day, or holdout_weeks earlier. */
  calibration_end: string;
  /** Weeks after the calibration end that the evaluation compares with; 0 without a holdout. */
  holdout_weeks: number;
  /** Model time unit: 'days' | 'weeks' | 'months'. */
  time_unit: string;
  horizon_months: number;
  /** Annual discount rate (0.1 = 10 % a year). */
  discount_rate: number;
  /** Gross margin applied to CLV (0–1); null = CLV of revenue. */
  margin: number | null;
  /** Customers in the calibration fit (first purchase on or before the calibration end). */
  customers: Generated<number>;
  /** Of those, customers with a repeat purchase day in calibration. */
  repeat_customers: Generated<number>;
  /** Customers scored (first purchase on or before the as-of day). */
  scored_customers: Generated<number>;
  bg_r: number | null;
  bg_alpha: number | null;
  bg_a: number | null;
  bg_b: number | null;
  bg_log_likelihood: number | null;
  bg_iterations: number | null;
  /** Gamma-Gamma parameters, in major currency units; null when spend could not be fitted. */
  gg_p: number | null;
  gg_q: number | null;
  gg_gamma: number | null;
  gg_log_likelihood: number | null;
  gg_iterations: number | null;
  /** Repeat buyers with positive spend the Gamma-Gamma fit used. */
  gg_customers: number | null;
  /** JSON: calibration and holdout comparisons (see app/clv/clv-evaluate.ts). */
  evaluation: string | null;
  /** JSON: CLV and P(alive) distribution of the scored customers (see app/clv/clv-distribution.ts). */
  distribution: string | null;
  /** JSON array of { code, message, … } warnings. */
  warnings: Generated<string>;
  /** Why a failed fit failed. */
  error: string | null;
  /** 1 while the model's customer_clv rows are kept (the newest three finished models). */
  predictions_kept: Generated<number>;
  job_id: number | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

/**
 * One customer's prediction under one model. Money is in integer minor units (fen), rounded
 * from the model's expectations; null spend and CLV when the model has no spend part.
 */
export interface CustomerClvTable {
  model_id: number;
  customer_id: number;
  /** Repeat purchase days up to the as-of day. */
  x: number;
  /** From the first to the last purchase day, in the model's time unit. */
  t_x: number;
  /** From the first purchase to the as-of day (the model's T), in the model's time unit. */
  t_total: number;
  /** Mean amount of the repeat purchase days (0 without repeats). */
  monetary_minor: number;
  p_alive: number;
  /** Expected purchase days over the model's horizon. */
  expected_purchases: number;
  /** Expected mean spend per purchase day (Gamma-Gamma E[M]). */
  expected_spend_minor: number | null;
  /** Discounted expected value over the horizon, times the margin when one is set. */
  clv_minor: number | null;
}

/** Tables of lifetime-value models (migration 0021). */
export interface ClvTables {
  clv_models: ClvModelsTable;
  customer_clv: CustomerClvTable;
}
