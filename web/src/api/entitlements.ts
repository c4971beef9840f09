import { api } from './client';

export interface LocalText {
  zh: string;
  en: string;
}

/** One entitlement of the customer's tier with its balance in the current period. */
export interface EntitlementBalance {
  key: string;
  name: LocalText;
  quantity: number | null;
  period: 'month' | 'quarter' | 'year' | 'lifetime';
  periodKey: string;
  periodStart: string | null;
  periodEnd: string | null;
  used: number;
  /** null = unlimited */
  remaining: number | null;
  minBatch: number | null;
  choices: { key: string; name: LocalText }[];
  noRepeat: boolean;
  received: string[];
}

export interface EntitlementUse {
  id: number;
  customerId: number;
  entitlementKey: string;
  periodKey: string;
  quantity: number;
  choice: string | null;
  batchSize: number | null;
  note: string | null;
  usedByName: string | null;
  usedAt: string;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface UseInput {
  quantity?: number;
  choice?: string;
  batchSize?: number;
  note?: string;
}

/** Records the use of an entitlement; refused with 409 QUOTA_EXCEEDED {remaining, quota, period}. */
export function recordEntitlementUse(customerId: number, key: string, body: UseInput) {
  return api.post<{ use: EntitlementUse; balance: EntitlementBalance }>(
    `/api/customers/${customerId}/entitlements/${encodeURIComponent(key)}/uses`,
    body,
  );
}

/** A customer's entitlement uses, newest first. */
export async function entitlementUses(customerId: number): Promise<EntitlementUse[]> {
  return (
    await api.get<{ items: EntitlementUse[] }>(`/api/customers/${customerId}/entitlement-uses`)
  ).items;
}

/** Voids a use, giving it back to the balance. */
export function voidEntitlementUse(id: number, reason: string) {
  return api.post<EntitlementUse>(`/api/entitlement-uses/${id}/void`, { reason });
}
