export * from './default-catalog';
export * from './payment-terms';
export * from './policy.schema';
