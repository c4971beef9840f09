import { z } from 'zod';
import { dateSchema, moneySchema } from '../money';

const text = (field: string, max = 200) =>
  z.string().trim().min(1, `${field} must not be empty`).max(max, `${field} is too long`);
const optText = (field: string, max = 200) => text(field, max).nullable().optional();

/** Inputs of each kind of fact recorded against a customer. Money comes as decimal strings. */
export const factInputs = {
  orders: z.object({
    orderNo: text('orderNo', 64),
    orderedOn: dateSchema('orderedOn'),
    amount: moneySchema('amount'),
    cost: moneySchema('cost').nullable().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as CNY')
      .default('CNY'),
    product: optText('product'),
    category: optText('category'),
    channel: optText('channel', 50),
    quantity: z.number().int().positive('quantity must be positive').nullable().optional(),
    rush: z.boolean().default(false),
    lines: z
      .array(
        z.object({
          product: text('product'),
          quantity: z.number().int().positive('quantity must be positive'),
          unitPrice: moneySchema('unitPrice'),
        }),
      )
      .max(1000)
      .optional(),
  }),
  payments: z
    .object({
      invoiceNo: text('invoiceNo', 64),
      amount: moneySchema('amount'),
      dueOn: dateSchema('dueOn'),
      paidOn: dateSchema('paidOn').nullable().optional(),
    })
    .refine((p) => !p.paidOn || p.paidOn >= '1990-01-01', {
      message: 'paidOn is implausibly early',
      path: ['paidOn'],
    }),
  contracts: z
    .object({
      contractNo: text('contractNo', 64),
      kind: z.enum(['contract', 'long_term_agreement'], {
        error: 'kind must be contract or long_term_agreement',
      }),
      title: optText('title'),
      signedOn: dateSchema('signedOn').nullable().optional(),
      startOn: dateSchema('startOn'),
      endOn: dateSchema('endOn').nullable().optional(),
      amount: moneySchema('amount').nullable().optional(),
    })
    .refine((c) => !c.endOn || c.endOn >= c.startOn, {
      message: 'endOn must not be before startOn',
      path: ['endOn'],
    }),
  feedback: z.object({
    kind: z.enum(['feedback', 'complaint'], { error: 'kind must be feedback or complaint' }),
    category: optText('category', 100),
    content: text('content', 5000),
    receivedOn: dateSchema('receivedOn'),
    status: z.enum(['open', 'in_progress', 'closed']).default('open'),
  }),
  surveys: z.object({
    answeredOn: dateSchema('answeredOn'),
    score: z.number().int().min(1, 'score is 1 to 5').max(5, 'score is 1 to 5'),
    comment: optText('comment', 2000),
  }),
  visits: z.object({
    visitedOn: dateSchema('visitedOn'),
    userId: z.number().int().positive().nullable().optional(),
    purpose: optText('purpose'),
    notes: optText('notes', 5000),
  }),
  referrals: z.object({
    referredCustomerId: z.number().int().positive('referredCustomerId must be a customer id'),
    referredOn: dateSchema('referredOn'),
  }),
  competitors: z.object({
    competitor: text('competitor', 100),
    product: optText('product'),
    notedOn: dateSchema('notedOn'),
    notes: optText('notes', 2000),
  }),
  stagnation: z.object({
    reportedOn: dateSchema('reportedOn'),
    product: optText('product'),
    stagnantQuantity: z.number().int().min(0).nullable().optional(),
    stagnantValue: moneySchema('stagnantValue'),
    daysStagnant: z.number().int().min(0).nullable().optional(),
  }),
} as const;

export type FactKind = keyof typeof factInputs;
export const FACT_KINDS = Object.keys(factInputs) as FactKind[];
export type FactInput<K extends FactKind> = z.input<(typeof factInputs)[K]>;
export type ParsedFact<K extends FactKind> = z.output<(typeof factInputs)[K]>;

/** One entry on a customer's timeline, whatever its kind. */
export interface TimelineEntry {
  kind: FactKind | 'tickets' | 'audit';
  id: number;
  date: string;
  title: string;
  amountMinor: number | null;
  data: Record<string, unknown>;
}
