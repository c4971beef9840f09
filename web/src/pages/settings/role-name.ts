import type { Role } from '../../api/types';

/** A role's name in the UI language (Chinese unless the UI is in English). */
export function roleName(role: Pick<Role, 'nameZh' | 'nameEn'>, lng: string): string {
  return lng.startsWith('en') ? role.nameEn : role.nameZh;
}
