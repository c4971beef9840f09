import type { Contact, ContactInput, ContactRole } from '../../../api/types';

/** What the contact form holds. */
export interface ContactFormValues {
  name: string;
  title?: string;
  role?: ContactRole;
  isPrimary?: boolean;
  phone?: string;
  email?: string;
  idNumber?: string;
}

/** Form fields, as the server may name them in field issues. */
export const CONTACT_FIELDS = [
  'name',
  'title',
  'role',
  'isPrimary',
  'phone',
  'email',
  'idNumber',
] as const;
const PERSONAL: readonly string[] = ['phone', 'email', 'idNumber'];

const blank = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

/** Form values as API input: text trimmed, blanks become null. */
export function toContactInput(v: ContactFormValues): Required<ContactInput> {
  return {
    name: v.name.trim(),
    title: blank(v.title),
    role: v.role ?? null,
    isPrimary: v.isPrimary ?? false,
    phone: blank(v.phone),
    email: blank(v.email),
    idNumber: blank(v.idNumber),
  };
}

/**
 * What an edit sends: the changed fields only. A reader who sees personal data masked cannot
 * have it in the form, so those inputs start empty and are sent only when filled in.
 */
export function contactChanges(before: Contact, v: ContactFormValues): ContactInput {
  const after = toContactInput(v);
  const out: ContactInput = {};
  for (const k of CONTACT_FIELDS) {
    if (PERSONAL.includes(k) && before.masked) {
      if (after[k] !== null) Object.assign(out, { [k]: after[k] });
    } else if ((after[k] ?? null) !== (before[k] ?? null)) {
      Object.assign(out, { [k]: after[k] });
    }
  }
  return out;
}

/** The form's starting values; masked personal data is left out rather than edited blind. */
export function initialContactValues(contact: Contact | null): Partial<ContactFormValues> {
  if (!contact) return { isPrimary: false };
  const personal = contact.masked
    ? {}
    : {
        phone: contact.phone ?? undefined,
        email: contact.email ?? undefined,
        idNumber: contact.idNumber ?? undefined,
      };
  return {
    name: contact.name,
    title: contact.title ?? undefined,
    role: contact.role ?? undefined,
    isPrimary: contact.isPrimary,
    ...personal,
  };
}
