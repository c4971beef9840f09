import { api } from './client';
import type { Address, AddressInput, Contact, ContactInput } from './types';

/** A customer's contacts; personal data comes masked for readers without customers.pii. */
export async function listContacts(customerId: number): Promise<Contact[]> {
  return (await api.get<{ items: Contact[] }>(`/api/customers/${customerId}/contacts`)).items;
}

export function addContact(customerId: number, input: ContactInput): Promise<Contact> {
  return api.post(`/api/customers/${customerId}/contacts`, input);
}

/** Saves changed fields of a contact; `version` is the one the editor loaded. */
export function updateContact(
  id: number,
  changes: ContactInput & { version: number },
): Promise<Contact> {
  return api.patch(`/api/contacts/${id}`, changes);
}

export function removeContact(id: number): Promise<void> {
  return api.delete(`/api/contacts/${id}`);
}

export async function listAddresses(customerId: number): Promise<Address[]> {
  return (await api.get<{ items: Address[] }>(`/api/customers/${customerId}/addresses`)).items;
}

/** Adds an address; the server resolves province/city/district to a GB/T 2260 code. */
export function addAddress(customerId: number, input: AddressInput): Promise<Address> {
  return api.post(`/api/customers/${customerId}/addresses`, input);
}

export function removeAddress(id: number): Promise<void> {
  return api.delete(`/api/addresses/${id}`);
}
