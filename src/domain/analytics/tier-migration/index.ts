export * from './distribution';
export * from './migration';
export * from './sankey';
export * from './tier-order';
export * from './tiers-at-points';
