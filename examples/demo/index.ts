/** Demo data generator: deterministic, streaming Chinese B2B customers and their facts. */
export { countDemo, DEMO_DEFAULTS, generateDemo } from './generate';
export { DEMO_OWNERS, type DemoOwner } from './owners';
export { REGIONS, type Region } from './places';
export type * from './types';
