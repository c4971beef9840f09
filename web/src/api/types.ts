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
  size?: CustomerSize | null;
  ownerId?: number | null;
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
}

export interface Owner {
  id: number;
  displayName: string;
}

/** What sign-in and GET /api/auth/me return. */
export interface Me {
  user: User;
  permissions: string[];
  csrfToken: string;
  expiresAt: string;
}
