import { api } from './client';
import type { Role, User } from './types';

/** Every user (needs users.read). */
export async function listUsers(): Promise<User[]> {
  return (await api.get<{ items: User[] }>('/api/users')).items;
}

/** Every role with its permissions (needs users.read). */
export async function listRoles(): Promise<Role[]> {
  return (await api.get<{ items: Role[] }>('/api/roles')).items;
}

/** What an administrator may change on a user; null clears region or team. */
export interface UserEdit {
  region?: string | null;
  team?: string | null;
}

/** Edits a user's region and team (needs users.manage). */
export function updateUser(id: number, edit: UserEdit): Promise<User> {
  return api.patch<User>(`/api/users/${id}`, edit);
}
