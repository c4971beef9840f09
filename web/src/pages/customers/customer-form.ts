import type { Customer, CustomerInput, CustomerSize, CustomerType } from '../../api/types';

/** What the customer form holds; optional text is empty or missing when not given. */
export interface CustomerFormValues {
  code: string;
  name: string;
  type: CustomerType;
  industry?: string | null;
  region?: string | null;
  province?: string | null;
  city?: string | null;
  size?: CustomerSize | null;
  ownerId?: number | null;
}

/** Form fields, in the order the server may name them in field issues. */
export const CUSTOMER_FORM_FIELDS = [
  'code',
  'name',
  'type',
  'industry',
  'region',
  'province',
  'city',
  'size',
  'ownerId',
] as const satisfies readonly (keyof CustomerFormValues)[];

const OPTIONAL_TEXT = ['industry', 'region', 'province', 'city'] as const;

function text(v: string | null | undefined): string | null {
  const s = v?.trim();
  return s ? s : null;
}

/** Form values as API input: text trimmed, blanks become null. */
export function toInput(values: CustomerFormValues): Required<CustomerInput> {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    type: values.type,
    industry: text(values.industry),
    region: text(values.region),
    province: text(values.province),
    city: text(values.city),
    size: values.size ?? null,
    ownerId: values.ownerId ?? null,
  };
}

/** The body for creating: optional fields left out when empty. */
export function createBody(values: CustomerFormValues): CustomerInput {
  const all = toInput(values);
  const body: CustomerInput = { code: all.code, name: all.name, type: all.type };
  for (const k of OPTIONAL_TEXT) if (all[k] !== null) body[k] = all[k];
  if (all.size !== null) body.size = all.size;
  if (all.ownerId !== null) body.ownerId = all.ownerId;
  return body;
}

/** Only the fields the user changed, so a save does not overwrite what it did not touch. */
export function changedFields(
  before: Customer,
  values: CustomerFormValues,
): Partial<CustomerInput> {
  const after = toInput(values);
  const changes: Partial<CustomerInput> = {};
  for (const k of CUSTOMER_FORM_FIELDS) {
    if ((after[k] ?? null) !== (before[k] ?? null)) Object.assign(changes, { [k]: after[k] });
  }
  return changes;
}

/** A customer as initial form values. */
export function toFormValues(c: Customer): CustomerFormValues {
  return {
    code: c.code,
    name: c.name,
    type: c.type,
    industry: c.industry,
    region: c.region,
    province: c.province,
    city: c.city,
    size: c.size,
    ownerId: c.ownerId,
  };
}
