import type { Deps } from '../deps';

export interface DemoSummary {
  customers: number;
  orders: number;
}

/** Placeholder until the demo generator lands: loads nothing. */
export async function loadDemoIfEmpty(
  _deps: Deps,
  _log: (msg: string) => void,
): Promise<DemoSummary | undefined> {
  return undefined;
}
