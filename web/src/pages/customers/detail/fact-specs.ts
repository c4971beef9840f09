import type { FactKind } from '../../../api/facts';
import type zhCN from '../../../locales/zh-CN.json';

/** Field names that have a label in the message files (facts.fields.*). */
export type FactFieldName = keyof typeof zhCN.facts.fields;
/** Enumerated values that have a label in the message files (facts.values.*). */
export type FactValue = keyof typeof zhCN.facts.values;

/** How a fact field is entered and shown. */
export type FactFieldType =
  | 'text'
  | 'textarea'
  | 'date'
  | 'money'
  | 'int'
  | 'bool'
  | 'enum'
  | 'score'
  | 'currency'
  | 'customer'
  | 'user';

export interface FactField {
  name: FactFieldName;
  type: FactFieldType;
  required?: boolean;
  /** Longest text, or the lowest number allowed. */
  max?: number;
  min?: number;
  options?: readonly FactValue[];
  /** The value a new record starts with ('today' for dates). */
  initial?: unknown;
  /** False to keep the field out of the list (it still shows in the form). */
  column?: boolean;
}

export interface FactSpec {
  fields: readonly FactField[];
}

const today = 'today';

/**
 * The fields of each kind of fact, following the API's input schemas. Money is entered as a
 * decimal and sent as a string; the list shows it from the `…Minor` field the API returns.
 */
export const FACT_SPECS: Record<FactKind, FactSpec> = {
  orders: {
    fields: [
      { name: 'orderedOn', type: 'date', required: true, initial: today },
      { name: 'orderNo', type: 'text', required: true, max: 64 },
      { name: 'amount', type: 'money', required: true },
      { name: 'cost', type: 'money' },
      { name: 'currency', type: 'currency', initial: 'CNY', column: false },
      { name: 'product', type: 'text', max: 200 },
      { name: 'category', type: 'text', max: 200 },
      { name: 'channel', type: 'text', max: 50 },
      { name: 'quantity', type: 'int', min: 1 },
      { name: 'rush', type: 'bool', initial: false },
    ],
  },
  payments: {
    fields: [
      { name: 'dueOn', type: 'date', required: true, initial: today },
      { name: 'invoiceNo', type: 'text', required: true, max: 64 },
      { name: 'amount', type: 'money', required: true },
      { name: 'paidOn', type: 'date' },
    ],
  },
  contracts: {
    fields: [
      { name: 'startOn', type: 'date', required: true, initial: today },
      { name: 'contractNo', type: 'text', required: true, max: 64 },
      {
        name: 'kind',
        type: 'enum',
        required: true,
        options: ['contract', 'long_term_agreement'],
        initial: 'contract',
      },
      { name: 'title', type: 'text', max: 200 },
      { name: 'signedOn', type: 'date' },
      { name: 'endOn', type: 'date' },
      { name: 'amount', type: 'money' },
    ],
  },
  feedback: {
    fields: [
      { name: 'receivedOn', type: 'date', required: true, initial: today },
      {
        name: 'kind',
        type: 'enum',
        required: true,
        options: ['feedback', 'complaint'],
        initial: 'feedback',
      },
      { name: 'category', type: 'text', max: 100 },
      { name: 'content', type: 'textarea', required: true, max: 5000 },
      {
        name: 'status',
        type: 'enum',
        required: true,
        options: ['open', 'in_progress', 'closed'],
        initial: 'open',
      },
    ],
  },
  surveys: {
    fields: [
      { name: 'answeredOn', type: 'date', required: true, initial: today },
      { name: 'score', type: 'score', required: true },
      { name: 'comment', type: 'textarea', max: 2000 },
    ],
  },
  visits: {
    fields: [
      { name: 'visitedOn', type: 'date', required: true, initial: today },
      { name: 'userId', type: 'user' },
      { name: 'purpose', type: 'text', max: 200 },
      { name: 'notes', type: 'textarea', max: 5000 },
    ],
  },
  referrals: {
    fields: [
      { name: 'referredOn', type: 'date', required: true, initial: today },
      { name: 'referredCustomerId', type: 'customer', required: true },
    ],
  },
  competitors: {
    fields: [
      { name: 'notedOn', type: 'date', required: true, initial: today },
      { name: 'competitor', type: 'text', required: true, max: 100 },
      { name: 'product', type: 'text', max: 200 },
      { name: 'notes', type: 'textarea', max: 2000 },
    ],
  },
  stagnation: {
    fields: [
      { name: 'reportedOn', type: 'date', required: true, initial: today },
      { name: 'product', type: 'text', max: 200 },
      { name: 'stagnantQuantity', type: 'int', min: 0 },
      { name: 'stagnantValue', type: 'money', required: true },
      { name: 'daysStagnant', type: 'int', min: 0 },
    ],
  },
};

/** Where the API puts a field's value in a listed fact (money comes back in minor units). */
export function dataKey(f: FactField): string {
  return f.type === 'money' ? `${f.name}Minor` : f.name;
}

/** A decimal amount with at most two decimals, as the API takes it ("1,234.5" allowed). */
export const MONEY_PATTERN = /^\d{1,3}(,?\d{3})*(\.\d{1,2})?$|^\d+(\.\d{1,2})?$/;

/** A form's values as the body the API takes: blanks left out, money as decimal strings. */
export function factBody(spec: FactSpec, values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const v = values[f.name];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      const s = v.trim();
      if (!s) continue;
      body[f.name] = f.type === 'money' ? s.replace(/,/g, '') : s;
    } else {
      body[f.name] = v;
    }
  }
  return body;
}
