import type { CustomerType } from '../../api/types';

/** Tag colours for customer types, so the kinds are told apart at a glance. */
export const TYPE_COLORS: Record<CustomerType, string> = {
  individual: 'cyan',
  enterprise: 'blue',
  group: 'purple',
  internal: 'default',
};
