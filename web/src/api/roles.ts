import { api } from './client';

export const ROW_SCOPES = ['all', 'region', 'team', 'own'] as const;
export type RowScope = (typeof ROW_SCOPES)[number];

/** A role with its permissions, row scope and how many users hold it. */
export interface RoleView {
  id: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  rowScope: RowScope;
  builtin: boolean;
  users: number;
}

/** The permission catalog grouped by area (the part before the dot). */
export interface PermissionCatalog {
  areas: { area: string; permissions: string[] }[];
  rowScopes: RowScope[];
}

export interface RoleInput {
  id: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  rowScope: RowScope;
}

/** Every role with holders (needs users.read). */
export async function listRoleMatrix(): Promise<RoleView[]> {
  return (await api.get<{ items: RoleView[] }>('/api/roles/matrix')).items;
}

/** Every permission grouped by area (needs users.read). */
export function getPermissionCatalog(): Promise<PermissionCatalog> {
  return api.get<PermissionCatalog>('/api/permissions');
}

/** Creates a custom role (needs roles.manage). */
export function createRole(input: RoleInput): Promise<RoleView> {
  return api.post<RoleView>('/api/roles', input);
}

/** Changes a custom role (needs roles.manage). */
export function updateRole(id: string, changes: Partial<Omit<RoleInput, 'id'>>): Promise<RoleView> {
  return api.patch<RoleView>(`/api/roles/${encodeURIComponent(id)}`, changes);
}

/** Deletes a custom role nobody holds (needs roles.manage). */
export function deleteRole(id: string): Promise<void> {
  return api.delete(`/api/roles/${encodeURIComponent(id)}`);
}
