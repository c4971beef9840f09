/** Shapes of the API's JSON, as the UI reads them (see the OpenAPI document at /api/docs). */

export const CUSTOMER_TYPES = ['individual', 'enterprise', 'group', 'internal'] as const;
export const CUSTOMER_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type CustomerSize = (typeof CUSTOMER_SIZES)[number];

export interface Customer {
  id: number;
  code: string;
  name: string;
  type: CustomerType;
  industry: string | null;
  region: string | null;
  province: string | null;
  city: string | null;
  size: CustomerSize | null;
  ownerId: number | null;
  ownerName: string | null;
  district: string | null;
  /** GB/T 2260 code the server resolved from province/city/district. */
  regionCode: string | null;
  /** Unified social credit code (统一社会信用代码). */
  creditCode: string | null;
  source: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  status: 'active' | 'merged';
  /** Where the relationship stands; terminating and terminated customers get no marketing. */
  lifecycleStage: 'prospect' | 'active' | 'terminating' | 'terminated';
  /** The survivor, when this customer was merged into another. */
  mergedIntoId: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Fields a person may set on a customer. */
export interface CustomerInput {
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
  tags?: string[];
  customFields?: Record<string, unknown>;
  size?: CustomerSize | null;
  ownerId?: number | null;
  lifecycleStage?: 'prospect' | 'active';
}

export interface TagCount {
  tag: string;
  count: number;
}

export const CONTACT_ROLES = [
  'decision_maker',
  'purchaser',
  'finance',
  'key_person',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** A contact person; phone, e-mail and ID number are masked when `masked` is true. */
export interface Contact {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  role: ContactRole | null;
  isPrimary: boolean;
  phone: string | null;
  email: string | null;
  idNumber: string | null;
  masked: boolean;
  version: number;
}

export interface ContactInput {
  name?: string;
  title?: string | null;
  role?: ContactRole | null;
  isPrimary?: boolean;
  phone?: string | null;
  email?: string | null;
  idNumber?: string | null;
}

export const ADDRESS_KINDS = ['head_office', 'branch', 'billing', 'shipping'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

export interface Address {
  id: number;
  customerId: number;
  kind: AddressKind;
  label: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  regionCode: string | null;
  line: string;
  postalCode: string | null;
}

export interface AddressInput {
  kind: AddressKind;
  label?: string | null;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  line: string;
  postalCode?: string | null;
}

export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'boolean',
  'select',
  'multiselect',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldOption {
  value: string;
  labelZh: string;
  labelEn: string;
}

/** An admin-defined extra field of the customer file. */
export interface CustomFieldDef {
  id: number;
  key: string;
  type: CustomFieldType;
  labelZh: string;
  labelEn: string;
  required: boolean;
  options?: CustomFieldOption[];
  position: number;
  version: number;
}

export type CustomFieldInput = Omit<CustomFieldDef, 'id' | 'version'>;

/** One entry of a customer's timeline, whatever kind of fact it is. */
export interface TimelineItem {
  kind: string;
  id: number;
  date: string;
  title: string;
  amountMinor: number | null;
  data: Record<string, unknown>;
}

/** One side of a duplicate pair. */
export interface CustomerSummary {
  id: number;
  code: string;
  name: string;
  version: number;
}

export const DUPLICATE_REASONS = [
  'credit_code',
  'same_name',
  'phone',
  'email',
  'similar_name',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicatePair {
  a: CustomerSummary;
  b: CustomerSummary;
  reasons: string[];
  score: number;
}

export interface MergeInput {
  survivorId: number;
  mergedId: number;
  survivorVersion: number;
  mergedVersion: number;
  reasons?: string[];
}

export interface MergeResult {
  survivor: Customer;
  mergedId: number;
  mergedCode: string;
  /** Rows moved to the survivor, by table. */
  moved: Record<string, number>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  roleId: string;
  region: string | null;
  /** The user's team (row scope `team` shows the customers of the whole team). */
  team: string | null;
  active: boolean;
  locale: string;
  createdAt: string;
}

export interface Role {
  id: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  builtin: boolean;
  /** Which customers holders see: all, their region, their team's or their own. */
  rowScope?: 'all' | 'region' | 'team' | 'own';
}

export interface Owner {
  id: number;
  displayName: string;
}

/** What sign-in and GET /api/auth/me return. */
export interface Me {
  user: User;
  permissions: string[];
  /** Which customers the user's role lets them see. */
  rowScope: 'all' | 'region' | 'team' | 'own';
  csrfToken: string;
  expiresAt: string;
}
