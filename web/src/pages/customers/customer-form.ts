import type {
  Customer,
  CustomerInput,
  CustomerSize,
  CustomerType,
  CustomFieldDef,
} from '../../api/types';
import { customFieldFromForm, customFieldToForm, sameValue } from './custom-field-values';

/** What the customer form holds; optional text is empty or missing when not given. */
export interface CustomerFormValues {
  code: string;
  name: string;
  type: CustomerType;
  industry?: string | null;
  region?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  creditCode?: string | null;
  source?: string | null;
  size?: CustomerSize | null;
  ownerId?: number | null;
  tags?: string[];
  /** Prospect or active; later stages come from the termination workflow. */
  lifecycleStage?: 'prospect' | 'active';
  /** By custom field key, in the form's own representation (see custom-field-values). */
  customFields?: Record<string, unknown>;
}

/** Form fields, as the server may name them in field issues ('customFields.x' included). */
export const CUSTOMER_FORM_FIELDS = [
  'code',
  'name',
  'type',
  'industry',
  'region',
  'province',
  'city',
  'district',
  'creditCode',
  'source',
  'size',
  'ownerId',
  'tags',
  'lifecycleStage',
  'customFields',
] as const satisfies readonly (keyof CustomerFormValues)[];

const OPTIONAL_TEXT = [
  'industry',
  'region',
  'province',
  'city',
  'district',
  'creditCode',
  'source',
] as const;
const SCALARS = [
  'code',
  'name',
  'type',
  ...OPTIONAL_TEXT,
  'size',
  'ownerId',
] as const satisfies readonly (keyof CustomerInput)[];

type Scalars = Pick<Required<CustomerInput>, (typeof SCALARS)[number]>;

function text(v: string | null | undefined): string | null {
  const s = v?.trim();
  return s ? s : null;
}

function scalars(values: CustomerFormValues): Scalars {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    type: values.type,
    industry: text(values.industry),
    region: text(values.region),
    province: text(values.province),
    city: text(values.city),
    district: text(values.district),
    creditCode: text(values.creditCode)?.toUpperCase() ?? null,
    source: text(values.source),
    size: values.size ?? null,
    ownerId: values.ownerId ?? null,
  };
}

function tagsOf(values: CustomerFormValues): string[] {
  return [...new Set((values.tags ?? []).map((t) => t.trim()).filter(Boolean))];
}

/** Custom field values as the API takes them, for every defined field (null when empty). */
function customOf(values: CustomerFormValues, defs: readonly CustomFieldDef[]) {
  const out: Record<string, unknown> = {};
  for (const d of defs) out[d.key] = customFieldFromForm(d, values.customFields?.[d.key]);
  return out;
}

/** The body for creating: optional fields left out when empty. */
export function createBody(
  values: CustomerFormValues,
  defs: readonly CustomFieldDef[],
): CustomerInput {
  const all = scalars(values);
  const body: CustomerInput = { code: all.code, name: all.name, type: all.type };
  for (const k of OPTIONAL_TEXT) if (all[k] !== null) body[k] = all[k];
  if (all.size !== null) body.size = all.size;
  if (all.ownerId !== null) body.ownerId = all.ownerId;
  if (values.lifecycleStage) body.lifecycleStage = values.lifecycleStage;
  const tags = tagsOf(values);
  if (tags.length) body.tags = tags;
  const custom = Object.fromEntries(
    Object.entries(customOf(values, defs)).filter(([, v]) => v !== null),
  );
  if (Object.keys(custom).length) body.customFields = custom;
  return body;
}

/** Only the fields the user changed, so a save does not overwrite what it did not touch. */
export function changedFields(
  before: Customer,
  values: CustomerFormValues,
  defs: readonly CustomFieldDef[],
): Partial<CustomerInput> {
  const after = scalars(values);
  const changes: Partial<CustomerInput> = {};
  for (const k of SCALARS) {
    if ((after[k] ?? null) !== (before[k] ?? null)) Object.assign(changes, { [k]: after[k] });
  }
  if (values.lifecycleStage && values.lifecycleStage !== before.lifecycleStage)
    changes.lifecycleStage = values.lifecycleStage;
  const tags = tagsOf(values);
  if (!sameValue([...tags].sort(), [...before.tags].sort())) changes.tags = tags;
  // Custom fields: only the changed keys; the server keeps the others as they are.
  const custom = customOf(values, defs);
  const changedCustom = Object.fromEntries(
    Object.entries(custom).filter(([k, v]) => !sameValue(v, before.customFields[k] ?? null)),
  );
  if (Object.keys(changedCustom).length) changes.customFields = changedCustom;
  return changes;
}

/** A customer as initial form values. */
export function toFormValues(c: Customer, defs: readonly CustomFieldDef[]): CustomerFormValues {
  return {
    code: c.code,
    name: c.name,
    type: c.type,
    industry: c.industry,
    region: c.region,
    province: c.province,
    city: c.city,
    district: c.district,
    creditCode: c.creditCode,
    source: c.source,
    size: c.size,
    ownerId: c.ownerId,
    tags: c.tags,
    ...(c.lifecycleStage === 'prospect' || c.lifecycleStage === 'active'
      ? { lifecycleStage: c.lifecycleStage }
      : {}),
    customFields: Object.fromEntries(
      defs.map((d) => [d.key, customFieldToForm(d, c.customFields[d.key])]),
    ),
  };
}
