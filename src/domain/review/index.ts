export * from './cycle.schema';
export * from './proposal';
export * from './steps';
export * from './workflow';
