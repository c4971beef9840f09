import { useQuery } from '@tanstack/react-query';
import { listCustomFields } from '../api/custom-fields';
import { listOwners, listTags } from '../api/customers';

/** Query keys of the shared lists, so writers can refresh them. */
export const REFERENCE_KEYS = {
  customFields: ['custom-fields'],
  tags: ['tags'],
  owners: ['owners'],
} as const;

/** Custom field definitions, in their display order. */
export function useCustomFieldDefs() {
  return useQuery({
    queryKey: REFERENCE_KEYS.customFields,
    queryFn: async () =>
      (await listCustomFields()).sort((a, b) => a.position - b.position || a.id - b.id),
    staleTime: 60_000,
  });
}

/** Tags in use, most used first. */
export function useTags() {
  return useQuery({
    queryKey: REFERENCE_KEYS.tags,
    queryFn: async () =>
      (await listTags()).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    staleTime: 60_000,
  });
}

/** People who can own customers. */
export function useOwners() {
  return useQuery({ queryKey: REFERENCE_KEYS.owners, queryFn: listOwners, staleTime: 60_000 });
}
