export { type ColumnRule, checkColumns, columnIssues, invalidOption } from './check-columns';
export { gini, giniOfSorted } from './gini';
export { DEFAULT_LORENZ_POINTS, type LorenzCurve, lorenzCurve, lorenzOfSorted } from './lorenz';
export { type SortedShares, sortedShares } from './sorted-values';
export { type TopShare, topShares, topSharesOfSorted } from './top-share';
export {
  DEFAULT_PYRAMID_CUTS,
  PYRAMID_LEVELS,
  type PyramidLevel,
  type PyramidLevelKey,
  type ValuePyramid,
  valuePyramid,
} from './value-pyramid';
