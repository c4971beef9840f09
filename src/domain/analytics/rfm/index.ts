export { type ColumnStats, statsOfSorted } from './column-stats';
export { quantileBars, quantileBuckets, quintileScores, RFM_LEVELS } from './quintile-scores';
export { type RfmInput, type RfmResult, type RfmSegmentSummary, rfmScores } from './rfm-scores';
export { RFM_HIGH_SCORE, RFM_SEGMENTS, type RfmSegmentKey, rfmSegmentIndex } from './rfm-segments';
