export * from './accounts.schema';
export * from './assignment';
export * from './coverage';
export * from './month';
export * from './visit-plan';
