export type { CumulativeShares } from './assign-tiers';
export { type CustomerRow, columnarInput } from './columnar-input';
export { compileScheme } from './compile-scheme';
export type { Shortfall } from './criterion-shortfall';
export {
  assignCumulativeShareTiers,
  type CumulativeAssignment,
  type CumulativeInput,
  shareUnits,
} from './cumulative-share';
export { type Distribution, distribution, type TierShare } from './distribution';
export { type EvaluationResult, type EvaluationWork, evaluate } from './evaluate';
export type { AttributeColumn, EvaluationInput, PreviousTiers } from './evaluation-input';
export { type Explanation, explain, type RuleGap, type ShareStanding } from './explain';
export type { ConditionGap } from './explain-condition';
export { formatShareStanding, formatShortfall, type Lang } from './format-shortfall';
export { type MigrationMatrix, migrationMatrix, movers } from './migration';
export { overrideSchema, type TierOverride } from './override.schema';
export { Flag, type Plan, type PlanTier, TierSource } from './plan';
export { quantileBucket } from './quantile';
export { assignQuotaTiers, type QuotaAssignment, type QuotaInput } from './quota-assign';
export { type QuotaRoundingRule, quotaCounts } from './quota-counts';
export {
  type CumulativeShareSqlOptions,
  cumulativeShareSql,
  type QuotaSqlOptions,
  quotaAssignmentSql,
} from './quota-sql';
export { codesAscending, rankOrder } from './rank-order';
export { SCORE_DECIMALS } from './score-total';
export { applyWhatIf, type WhatIfChanges, type WhatIfResult, whatIf } from './what-if';
