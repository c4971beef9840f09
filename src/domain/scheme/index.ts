export type { Assignment, Ranking, TierGate, TierRule } from './assignment.schema';
export type { MetricInfo } from './check-metrics';
export { COMPARISON_OPS, CONDITION_ATTRIBUTES, type Condition } from './condition.schema';
export type { Band, Criterion, MissingPolicy } from './criterion.schema';
export {
  type LocalizedText,
  METRIC_CATALOG,
  METRIC_UNITS,
  type MetricDef,
  type MetricDirection,
  type MetricUnit,
  resolveMetric,
} from './metric-catalog';
export {
  BINARY_DERIVE_OPS,
  DERIVE_OPS,
  type DeriveOperand,
  type MetricDecl,
} from './metric-decl.schema';
export { parseScheme, type SchemeValidation, validateScheme } from './parse-scheme';
export { type Scheme, type SchemeInput, schemeSchema } from './scheme.schema';
export { formatIssuePath, type SchemeIssue } from './scheme-issue';
export type { Tier } from './tier.schema';
export { movePairs, tierIdsByRank } from './tier-order';
export type { MetricWindow } from './window.schema';
