export * from './deadlines';
export * from './match';
export * from './seed-template';
export * from './sla.schema';
export * from './ticket-clock';
