export * from './kpi-rows';
export * from './percentile';
