import { api } from './client';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface PaymentTerm {
  id: string;
  name: Bilingual;
  creditDays: number;
}

export type EntitlementPeriod = 'month' | 'quarter' | 'year' | 'lifetime';
export type RushMode = 'jump_queue' | 'by_capacity' | 'none';
export type ReviewMode = 'light' | 'standard' | 'strict';
export type AccountModel = 'dedicated' | 'team' | 'pooled';

export interface Entitlement {
  key: string;
  name: Bilingual;
  quantity: number | null;
  period: EntitlementPeriod;
  minBatch: number | null;
  choices: { key: string; name: Bilingual }[];
  noRepeat: boolean;
}

export interface TierPolicy {
  tier: string;
  priceFloorPct: number;
  paymentTerm: string;
  leadTimeDays: number | null;
  rush: RushMode;
  orderReview: ReviewMode;
  inquiryReplyHours: number;
  visits: { minPerMonth: number; maxPerMonth: number; groupEveryMonths: number | null };
  accountModel: AccountModel;
  executiveSponsor: boolean;
  entitlements: Entitlement[];
}

export interface PolicyCatalog {
  paymentTerms: PaymentTerm[];
  tiers: TierPolicy[];
}

export interface SchemeTier {
  id: string;
  name: Bilingual;
  rank: number;
}

export interface SavedBy {
  id: number;
  name: string | null;
}

/** The catalog in force for a scheme; version null = the seed default. */
export interface CatalogInForce {
  schemeId: number;
  schemeKey: string;
  schemeName: Bilingual;
  serviceTier: boolean;
  version: number | null;
  catalog: PolicyCatalog;
  tiers: SchemeTier[];
  savedBy: SavedBy | null;
  savedAt: string | null;
  note: string | null;
}

export interface CatalogVersionSummary {
  version: number;
  note: string | null;
  savedBy: SavedBy | null;
  savedAt: string;
}

export interface PolicyScheme {
  id: number;
  key: string;
  name: Bilingual;
  serviceTier: boolean;
}

/** Schemes a catalog can belong to, the service tier first. */
export async function listPolicySchemes(): Promise<PolicyScheme[]> {
  return (await api.get<{ items: PolicyScheme[] }>('/api/policies/schemes')).items;
}

/** The catalog in force (default: the service-tier scheme). */
export function getCatalog(schemeId?: number): Promise<CatalogInForce> {
  return api.get<CatalogInForce>('/api/policies', schemeId ? { schemeId } : undefined);
}

/** Saved versions, newest first. */
export async function listCatalogVersions(schemeId: number): Promise<CatalogVersionSummary[]> {
  return (await api.get<{ items: CatalogVersionSummary[] }>(`/api/policies/${schemeId}/versions`))
    .items;
}

/** One saved version with its catalog. */
export function getCatalogVersion(
  schemeId: number,
  version: number,
): Promise<CatalogVersionSummary & { catalog: PolicyCatalog; tiers: SchemeTier[] }> {
  return api.get(`/api/policies/${schemeId}/versions/${version}`);
}

/** The seed default catalog for the scheme's tiers. */
export function getCatalogTemplate(
  schemeId: number,
): Promise<{ schemeId: number; catalog: PolicyCatalog; tiers: SchemeTier[] }> {
  return api.get(`/api/policies/${schemeId}/template`);
}

/** Saves a new version (CONFLICT when someone saved after baseVersion). */
export function saveCatalog(
  schemeId: number,
  body: { catalog: PolicyCatalog; note?: string; baseVersion: number | null },
): Promise<CatalogInForce> {
  return api.put<CatalogInForce>(`/api/policies/${schemeId}`, body);
}

/** What a customer gets today: tier, policy and payment term after adjustments. */
export interface CustomerPolicy {
  customerId: number;
  customerCode: string;
  customerName: string;
  today: string;
  schemeId: number | null;
  catalogVersion: number | null;
  tier: string | null;
  since: string | null;
  score: number | null;
  policy: TierPolicy | null;
  paymentTerms: PaymentTerm[];
  paymentTerm: PaymentTerm | null;
  termAdjustments: { id: number; steps: number; reason: string; expiresOn: string | null }[];
}

/** A customer's policy today. */
export function getCustomerPolicy(customerId: number): Promise<CustomerPolicy> {
  return api.get<CustomerPolicy>(`/api/customers/${customerId}/policy`);
}
