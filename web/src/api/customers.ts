import { api } from './client';
import type { Customer, CustomerInput, Owner, Page } from './types';

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

export interface CustomerListQuery {
  q?: string;
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
