export * from './calendar';
export * from './firing';
export * from './late-payments';
export * from './rule-catalog';
export * from './satisfaction';
export * from './silent-customer';
export * from './tier-rules';
