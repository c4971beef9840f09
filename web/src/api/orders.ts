import { api } from './client';
import type { PaymentTerm, ReviewMode, RushMode } from './policies';

export interface OrderLineInput {
  product: string;
  quantity: number | null;
  internalPriceMinor: number | null;
}

export interface OrderInput {
  customerId: number;
  lines: OrderLineInput[];
  requestedDiscountPct: number | null;
  paymentTerm: string;
  deliveryDate: string;
  rush: boolean;
  note?: string;
}

export type OrderReasonCode =
  | 'discount_above_cap'
  | 'terms_above_level'
  | 'delivery_before_lead_time'
  | 'rush_not_allowed'
  | 'no_tier';

export interface OrderReason {
  code: OrderReasonCode;
  field: string;
  limit: string | number | null;
  requested: string | number | boolean | null;
  message: string;
}

export interface PricedLine {
  index: number;
  product: string;
  quantity: number;
  internalPriceMinor: number;
  internalAmountMinor: number;
  unitFloorMinor: number;
  priceFloorMinor: number;
  requestedUnitMinor: number;
  requestedAmountMinor: number;
}

export interface OrderCheck {
  allowed: boolean;
  reasons: OrderReason[];
  lines: PricedLine[];
  totals: { internalMinor: number; priceFloorMinor: number; requestedMinor: number };
  maxDiscountPct: number | null;
  earliestDelivery: string;
  review: ReviewMode | null;
  rushMode: RushMode | null;
  priority: number;
  customer: { id: number; code: string; name: string };
  policy: {
    tier: string | null;
    score: number | null;
    priceFloorPct: number | null;
    tierPaymentTerm: string | null;
    paymentTerm: string | null;
    leadTimeDays: number | null;
    termAdjustments: { id: number; steps: number; reason: string; expiresOn: string | null }[];
    paymentTerms: PaymentTerm[];
  };
}

export type OrderStatus = 'queued' | 'in_production' | 'done' | 'cancelled';

export interface QueuedOrder {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  lineCount: number;
  requestedTotalMinor: number;
  discountPct: number;
  paymentTerm: string;
  deliveryDate: string;
  rush: boolean;
  tier: string;
  score: number | null;
  review: ReviewMode;
  strictReview: boolean;
  status: OrderStatus;
  position: number | null;
  note: string | null;
  createdByName: string | null;
  createdAt: string;
  version: number;
}

/** Checks an order (writes nothing). */
export function checkOrder(body: OrderInput): Promise<OrderCheck> {
  return api.post<OrderCheck>('/api/orders/check', body);
}

/** Submits an allowed order to the queue; a refused one fails with 422 and its reasons. */
export function submitOrder(body: OrderInput): Promise<QueuedOrder> {
  return api.post<QueuedOrder>('/api/orders/requests', body);
}

/** The queue (open orders when no status is given), in the order work is taken. */
export async function listQueue(status?: OrderStatus): Promise<QueuedOrder[]> {
  return (
    await api.get<{ items: QueuedOrder[] }>('/api/orders/queue', status ? { status } : undefined)
  ).items;
}

/** Moves an order along (optimistic lock on its version). */
export function moveOrder(id: number, status: OrderStatus, version: number): Promise<QueuedOrder> {
  return api.patch<QueuedOrder>(`/api/orders/requests/${id}`, { status, version });
}
