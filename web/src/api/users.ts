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
