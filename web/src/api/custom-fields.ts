import { api } from './client';
import type { CustomFieldDef, CustomFieldInput } from './types';

/** Every custom field definition of the customer file. */
export async function listCustomFields(): Promise<CustomFieldDef[]> {
  return (await api.get<{ items: CustomFieldDef[] }>('/api/custom-fields')).items;
}

export function createCustomField(input: CustomFieldInput): Promise<CustomFieldDef> {
  return api.post('/api/custom-fields', input);
}

/** Replaces a definition; `version` is the one the editor loaded. */
export function updateCustomField(
  id: number,
  input: CustomFieldInput & { version: number },
): Promise<CustomFieldDef> {
  return api.put(`/api/custom-fields/${id}`, input);
}

export function deleteCustomField(id: number): Promise<void> {
  return api.delete(`/api/custom-fields/${id}`);
}
