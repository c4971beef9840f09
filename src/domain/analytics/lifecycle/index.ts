export { type CohortRow, cohortRetention, type PurchaseMonths } from './cohort-retention';
export { dayNumber, monthLabel, monthNumber } from './day-number';
export {
  DEFAULT_LIFECYCLE_OPTIONS,
  LIFECYCLE_STAGES,
  type LifecycleInput,
  type LifecycleOptions,
  type LifecycleResult,
  type LifecycleStageKey,
  lifecycleStages,
} from './lifecycle-stages';
