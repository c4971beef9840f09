import { api, withQuery } from './client';
import type {
  Customer,
  CustomerInput,
  CustomerSize,
  CustomerType,
  DuplicatePair,
  MergeInput,
  MergeResult,
  Owner,
  Page,
  TagCount,
} from './types';

/** Sortable columns of the customer list (the server refuses others). */
export type CustomerSortField =
  | 'code'
  | 'name'
  | 'type'
  | 'industry'
  | 'region'
  | 'size'
  | 'created_at'
  | 'updated_at';

/** Filters shared by the customer list and the customer export. */
export interface CustomerFilters {
  q?: string;
  type?: CustomerType;
  size?: CustomerSize;
  industry?: string;
  region?: string;
  province?: string;
  tag?: string;
}

export interface CustomerListQuery extends CustomerFilters {
  page: number;
  pageSize: number;
  sort?: CustomerSortField;
  order?: 'asc' | 'desc';
}

/** One page of customers. */
export function listCustomers(query: CustomerListQuery): Promise<Page<Customer>> {
  return api.get('/api/customers', { ...query });
}

/** One customer. */
export function getCustomer(id: number): Promise<Customer> {
  return api.get(`/api/customers/${id}`);
}

/** Creates a customer. */
export function createCustomer(input: CustomerInput): Promise<Customer> {
  return api.post('/api/customers', input);
}

/** Saves changed fields; `version` is the one the editor loaded (a stale one gets 409). */
export function updateCustomer(
  id: number,
  changes: Partial<CustomerInput> & { version: number },
): Promise<Customer> {
  return api.patch(`/api/customers/${id}`, changes);
}

/** People who can own customers, for the owner picker. */
export async function listOwners(): Promise<Owner[]> {
  return (await api.get<{ items: Owner[] }>('/api/owners')).items;
}

/** Tags in use, with how many customers carry each. */
export async function listTags(): Promise<TagCount[]> {
  return (await api.get<{ items: TagCount[] }>('/api/tags')).items;
}

/** Duplicate candidates, strongest first. */
export function listDuplicates(query: {
  minScore: number;
  page: number;
  pageSize: number;
}): Promise<{ items: DuplicatePair[]; total: number }> {
  return api.get('/api/customers/duplicates', { ...query });
}

/** Merges one customer into another; both versions must be the ones the user reviewed. */
export function mergeCustomers(input: MergeInput): Promise<MergeResult> {
  return api.post('/api/customers/merge', input);
}

export type ExportFormat = 'csv' | 'xlsx';

/** Where the browser downloads the customers matching the filters (needs customers.export). */
export function customerExportUrl(
  format: ExportFormat,
  lang: string,
  filters: CustomerFilters,
): string {
  return withQuery('/api/export/customers', { format, lang, ...filters });
}
