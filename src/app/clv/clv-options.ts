import { z } from 'zod';
import { addDays } from '../../domain/business-date';
import { dateSchema } from '../../domain/money';
import type { ClvModelSettings, ClvTimeUnit } from '../../store/analytics/clv-models.repository';

export const CLV_TIME_UNITS = ['days', 'weeks', 'months'] as const satisfies readonly ClvTimeUnit[];

/** Days in one model time unit; a month is the mean Gregorian month (365.25 / 12 days). */
export const UNIT_DAYS: Record<ClvTimeUnit, number> = {
  days: 1,
  weeks: 7,
  months: 365.25 / 12,
};

/** The mean calendar month in days: CLV periods are calendar months whatever the model unit. */
const MONTH_DAYS = 365.25 / 12;

/** Most months a CLV horizon may span (ten years). */
export const MAX_HORIZON_MONTHS = 120;
/** Longest holdout, in weeks (five years). */
export const MAX_HOLDOUT_WEEKS = 260;

/**
 * What a fit may be asked for. Every bound names its field, so a horizon of 0 or a negative
 * discount rate is refused up front (before a job is queued).
 */
export const clvFitInput = z.strictObject({
  /** Last day of data; default today in the business time zone. */
  asOf: dateSchema('asOf').optional(),
  /** Weeks before asOf kept out of the fit to compare predictions with (0 = none). */
  holdoutWeeks: z
    .number({ error: 'holdoutWeeks must be a number of weeks' })
    .int('holdoutWeeks must be a whole number of weeks')
    .min(0, 'holdoutWeeks must not be negative')
    .max(MAX_HOLDOUT_WEEKS, `holdoutWeeks must be at most ${MAX_HOLDOUT_WEEKS}`)
    .default(0),
  horizonMonths: z
    .number({ error: 'horizonMonths must be a number of months' })
    .int('horizonMonths must be a whole number of months')
    .min(1, 'horizonMonths must be at least 1')
    .max(MAX_HORIZON_MONTHS, `horizonMonths must be at most ${MAX_HORIZON_MONTHS}`)
    .default(12),
  /** Annual discount rate as a fraction (0.1 = 10 % a year). */
  discountRate: z
    .number({ error: 'discountRate must be a number' })
    .min(0, 'discountRate must not be negative')
    .max(1, 'discountRate is a fraction a year and must be at most 1 (100 %)')
    .default(0.1),
  /** Gross margin applied to CLV (0–1); leave out for CLV of revenue. */
  margin: z
    .number({ error: 'margin must be a number' })
    .min(0, 'margin must be between 0 and 1')
    .max(1, 'margin must be between 0 and 1')
    .nullable()
    .optional(),
  unit: z
    .enum(CLV_TIME_UNITS, { error: `unit must be one of ${CLV_TIME_UNITS.join(', ')}` })
    .default('weeks'),
});
export type ClvFitInput = z.input<typeof clvFitInput>;
export type ClvFitOptions = z.output<typeof clvFitInput>;

/** The settings of a fit: the calibration period ends `holdoutWeeks` weeks before asOf. */
export function fitSettings(o: ClvFitOptions, today: string): ClvModelSettings {
  const asOf = o.asOf ?? today;
  return {
    asOf,
    calibrationEnd: addDays(asOf, -7 * o.holdoutWeeks),
    holdoutWeeks: o.holdoutWeeks,
    unit: o.unit,
    horizonMonths: o.horizonMonths,
    discountRate: o.discountRate,
    margin: o.margin ?? null,
  };
}

/** One calendar month in the model's time unit (CLV sums whole months). */
export function monthLength(unit: ClvTimeUnit): number {
  return MONTH_DAYS / UNIT_DAYS[unit];
}

/** The monthly rate equivalent to an annual one: (1 + annual)^(1/12) − 1. */
export function monthlyRate(annual: number): number {
  return (1 + annual) ** (1 / 12) - 1;
}
