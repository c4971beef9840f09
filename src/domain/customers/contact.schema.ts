import { z } from 'zod';
import { parsePhone } from './normalize-phone';

export const CONTACT_ROLES = [
  'decision_maker',
  'purchaser',
  'finance',
  'key_person',
  'other',
] as const;

const optText = (field: string, max: number) =>
  z.string().trim().min(1, `${field} must not be empty`).max(max).nullable().optional();

/** A contact person of a customer. Phone, e-mail and ID number are personal data. */
export const contactInput = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(100),
  title: optText('title', 100),
  role: z
    .enum(CONTACT_ROLES, { error: `role must be one of ${CONTACT_ROLES.join(', ')}` })
    .nullable()
    .optional(),
  isPrimary: z.boolean().default(false),
  phone: z
    .string()
    .trim()
    .max(40)
    .refine(
      (p) => parsePhone(p) !== null,
      'phone must be a phone number, e.g. 138 1234 5678 or 021-12345678',
    )
    .nullable()
    .optional(),
  email: z.email('email must be an e-mail address').max(200).nullable().optional(),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,30}$/, 'idNumber must be 6 to 30 letters, digits or dashes')
    .nullable()
    .optional(),
});
export type ContactInput = z.input<typeof contactInput>;
export type ContactFields = z.output<typeof contactInput>;

export const contactEdit = contactInput.partial().extend({
  version: z.number({ error: 'version is required (the version you edited)' }).int().positive(),
});
export type ContactEdit = z.output<typeof contactEdit>;

/** A contact as returned: personal data in full or masked, depending on who asks. */
export interface Contact {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  role: (typeof CONTACT_ROLES)[number] | null;
  isPrimary: boolean;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  /** True when phone/email/idNumber are masked for this reader. */
  masked: boolean;
  version: number;
}

export const ADDRESS_KINDS = ['head_office', 'branch', 'billing', 'shipping'] as const;

/** A postal address of a customer; region names resolve to a GB/T 2260 code when possible. */
export const addressInput = z.object({
  kind: z.enum(ADDRESS_KINDS, { error: `kind must be one of ${ADDRESS_KINDS.join(', ')}` }),
  label: optText('label', 100),
  province: optText('province', 50),
  city: optText('city', 50),
  district: optText('district', 50),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'regionCode must be a 6-digit GB/T 2260 code')
    .nullable()
    .optional(),
  line: z.string().trim().min(1, 'line must not be empty').max(300),
  postalCode: z
    .string()
    .regex(/^\d{6}$/, 'postalCode must be 6 digits')
    .nullable()
    .optional(),
});
export type AddressInput = z.input<typeof addressInput>;

export interface Address {
  id: number;
  customerId: number;
  kind: (typeof ADDRESS_KINDS)[number];
  label: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  regionCode: string | null;
  line: string;
  postalCode: string | null;
}
