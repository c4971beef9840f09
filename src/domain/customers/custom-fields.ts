import { z } from 'zod';
import type { FieldIssue } from '../errors';
import { isCalendarDate } from '../money';

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'boolean',
  'select',
  'multiselect',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** An admin-defined extra field of the customer file. */
export const customFieldDefInput = z
  .object({
    key: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        'key must be lower-case letters, digits and _, starting with a letter',
      ),
    type: z.enum(CUSTOM_FIELD_TYPES, {
      error: `type must be one of ${CUSTOM_FIELD_TYPES.join(', ')}`,
    }),
    labelZh: z.string().trim().min(1, 'labelZh must not be empty').max(100),
    labelEn: z.string().trim().min(1, 'labelEn must not be empty').max(100),
    required: z.boolean().default(false),
    options: z
      .array(
        z.object({
          value: z.string().trim().min(1).max(100),
          labelZh: z.string().trim().min(1).max(100),
          labelEn: z.string().trim().min(1).max(100),
        }),
      )
      .max(200)
      .optional(),
    position: z.number().int().min(0).default(0),
  })
  .superRefine((d, ctx) => {
    const needsOptions = d.type === 'select' || d.type === 'multiselect';
    if (needsOptions && !d.options?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${d.type} field needs options`,
      });
    }
    if (!needsOptions && d.options?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: `a ${d.type} field takes no options`,
      });
    }
    const values = d.options?.map((o) => o.value) ?? [];
    const dup = values.find((v, i) => values.indexOf(v) !== i);
    if (dup)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `option ${dup} appears twice` });
  });
export type CustomFieldDefInput = z.input<typeof customFieldDefInput>;
export type CustomFieldDef = z.output<typeof customFieldDefInput> & { id: number; version: number };

/**
 * Validates custom field values against their definitions, like built-in fields: unknown keys,
 * missing required values and wrong types are each reported by field name. Returns the cleaned
 * values (numbers as numbers, dates as YYYY-MM-DD) and the issues found.
 */
export function validateCustomFields(
  defs: readonly CustomFieldDef[],
  values: Record<string, unknown>,
  opts: { partial?: boolean; row?: number } = {},
): { values: Record<string, unknown>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const issue = (key: string, message: string, value: unknown, expected?: string) =>
    issues.push({
      field: `customFields.${key}`,
      message,
      value,
      ...(expected ? { expected } : {}),
      ...(opts.row ? { row: opts.row } : {}),
    });
  for (const key of Object.keys(values)) {
    if (!byKey.has(key)) issue(key, 'is not a defined custom field', values[key]);
  }
  for (const def of defs) {
    const v = values[def.key];
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (def.required && !(opts.partial && v === undefined)) issue(def.key, 'is required', v);
      else if (v !== undefined) out[def.key] = null;
      continue;
    }
    const allowed = new Set(def.options?.map((o) => o.value) ?? []);
    switch (def.type) {
      case 'text':
        if (typeof v !== 'string' || v.length > 2000) issue(def.key, 'must be text', v, 'text');
        else out[def.key] = v.trim();
        break;
      case 'number': {
        const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : Number.NaN;
        if (!Number.isFinite(n)) issue(def.key, 'must be a number', v, 'number');
        else out[def.key] = n;
        break;
      }
      case 'date':
        if (typeof v !== 'string' || !isCalendarDate(v))
          issue(def.key, 'must be a date', v, 'YYYY-MM-DD');
        else out[def.key] = v;
        break;
      case 'boolean':
        if (typeof v === 'boolean') out[def.key] = v;
        else if (v === 'true' || v === '是' || v === '1') out[def.key] = true;
        else if (v === 'false' || v === '否' || v === '0') out[def.key] = false;
        else issue(def.key, 'must be true or false', v, 'true | false');
        break;
      case 'select':
        if (typeof v !== 'string' || !allowed.has(v))
          issue(def.key, 'is not one of the options', v, [...allowed].join(' | '));
        else out[def.key] = v;
        break;
      case 'multiselect': {
        const list = Array.isArray(v)
          ? v
          : typeof v === 'string'
            ? v.split(/[,，;；]/).map((x) => x.trim())
            : [];
        const bad = list.filter((x) => typeof x !== 'string' || !allowed.has(x));
        if (!list.length || bad.length)
          issue(
            def.key,
            `has values that are not options: ${bad.join(', ')}`,
            v,
            [...allowed].join(' | '),
          );
        else out[def.key] = [...new Set(list)];
        break;
      }
    }
  }
  return { values: out, issues };
}
