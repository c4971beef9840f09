import type { TFunction } from 'i18next';
import type { CycleDetail, CycleStatus, ReviewStep } from '../../api/reviews';
import type { Me } from '../../api/types';
import { localized } from '../tiering/labels';

/** Roles the default steps use; others show their id. */
const KNOWN_ROLES = ['admin', 'general_manager', 'sales_manager', 'finance'] as const;

/** A role's name in the UI language; the id for a role the UI does not know. */
export function roleLabel(t: TFunction, roleId: string): string {
  const known = KNOWN_ROLES.find((r) => r === roleId);
  return known ? t(`reviews.roles.${known}`) : roleId;
}

/** A step's name in the UI language (the server sends both). */
export function stepName(step: Pick<ReviewStep, 'name'>, lng: string): string {
  return localized(step.name, lng);
}

/** Tag colours of a cycle's status. */
export const STATUS_COLORS: Record<CycleStatus, string> = {
  open: 'processing',
  published: 'success',
  cancelled: 'default',
};

/** The step the cycle waits on, or undefined once it is closed. */
export function currentStep(cycle: Pick<CycleDetail, 'status' | 'steps' | 'currentStep'>) {
  return cycle.status === 'open' ? cycle.steps[cycle.currentStep] : undefined;
}

/**
 * True when the signed-in user may act on a step: holders of its role, and administrators (the
 * server applies the same rule and is the one that decides).
 */
export function ownsStep(me: Me | null | undefined, step: Pick<ReviewStep, 'roleId'> | undefined) {
  if (!me || !step) return false;
  return me.user.roleId === 'admin' || me.user.roleId === step.roleId;
}

/** True when a YYYY-MM-DD date lies before today's (both compared as text, same format). */
export function isPast(date: string, today: string): boolean {
  return date < today;
}
