import type { ParseKeys, TFunction } from 'i18next';
import type { ImportTarget } from '../../api/import-types';
import type { CustomFieldDef } from '../../api/types';
import { localized } from '../../format';

/** The fields each target fills, in the order the server lists them; `*` ones are required. */
export const TARGET_FIELDS = {
  customers: [
    'code*',
    'name*',
    'type',
    'creditCode',
    'industry',
    'size',
    'region',
    'province',
    'city',
    'district',
    'address',
    'source',
    'owner',
    'tags',
    'contactName',
    'phone',
    'email',
  ],
  orders: [
    'code*',
    'name',
    'orderNo',
    'date*',
    'amount*',
    'cost',
    'quantity',
    'product',
    'category',
    'channel',
    'currency',
    'rush',
  ],
  payments: ['code*', 'invoiceNo*', 'amount*', 'dueOn*', 'paidOn'],
} as const satisfies Record<ImportTarget, readonly string[]>;

/** A field a column can be mapped to, with its label in the UI language. */
export interface TargetField {
  field: string;
  label: string;
  required: boolean;
}

/** Prefix of custom fields in a mapping: `custom.<key>`. */
export const CUSTOM_PREFIX = 'custom.';

/** Targets whose rows carry money and dates (and may create the customers they name). */
export function isFactTarget(target: ImportTarget): boolean {
  return target !== 'customers';
}

/** The fields of a target, built-in first, then (for customers) the custom fields. */
export function targetFields(
  t: TFunction,
  target: ImportTarget,
  customFields: readonly CustomFieldDef[],
  lng: string,
): TargetField[] {
  const builtIn = TARGET_FIELDS[target].map((raw: string) => {
    const required = raw.endsWith('*');
    const field = required ? raw.slice(0, -1) : raw;
    return {
      field,
      label: t(`imports.fields.${target}.${field}` as ParseKeys),
      required,
    };
  });
  if (target !== 'customers') return builtIn;
  return [
    ...builtIn,
    ...customFields.map((d) => ({
      field: `${CUSTOM_PREFIX}${d.key}`,
      label: localized(d.labelZh, d.labelEn, lng),
      required: false,
    })),
  ];
}
