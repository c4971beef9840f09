/** Where a queued order stands: waiting, being made, delivered, or called off. */
export const ORDER_STATUSES = ['queued', 'in_production', 'done', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
