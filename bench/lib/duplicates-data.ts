import { generateDemo } from '../../examples/demo';
import { Rng } from '../../examples/demo/rng';
import {
  creditCodeCheckChar,
  organizationCodeCheckChar,
} from '../../src/domain/customers/credit-code';
import { nameKeySimilarity, normalizeName } from '../../src/domain/customers/normalize';
import type { BulkRow } from '../../src/store/bulk/bulk-writer';

/**
 * Customers for the duplicate-detection benchmark: `base` realistic customers from the demo
 * generator, then injected duplicates of three kinds, `perKind` of each:
 *  - same_name: the name of an existing company with another legal suffix, its bracketed city
 *    dropped or full-width forms (the normalised name is the same);
 *  - similar_name: an existing company's name with a word added (similarity ≥ 0.8);
 *  - phone: a different company whose contact has an existing contact's mobile number, written
 *    another way (+86, dashes).
 * About 30% of organisations carry a (valid, distinct) credit code and 20% of all customers a
 * contact with a mobile number, so the exact-key passes have realistic work. Two customers
 * cannot share a credit code (a unique index), so that kind cannot be injected.
 */
export type InjectedKind = 'same_name' | 'similar_name' | 'phone';

export interface Injected {
  kind: InjectedKind;
  baseId: number;
  dupId: number;
}

export interface ContactRow {
  customerId: number;
  name: string;
  phone: string;
}

export interface DuplicateData {
  customers: BulkRow<'customers'>[];
  creditCodes: [number, string][];
  contacts: ContactRow[];
  injected: Injected[];
}

const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司'];
const EXTRA_WORDS = ['科技', '发展', '实业', '制造', '贸易', '工程'];
/** Characters allowed in a credit code (no I, O, S, V, Z). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid credit code, distinct per customer id (the id is the organisation code's body). */
function creditCode(id: number, region: string | null): string {
  let org = '';
  for (let v = id, i = 0; i < 8; i++, v = Math.floor(v / ALPHABET.length)) {
    org = ALPHABET[v % ALPHABET.length] + org;
  }
  const body = `91${region ?? '110108'}${org}${organizationCodeCheckChar(org)}`;
  return body + creditCodeCheckChar(body);
}

function mobile(rng: Rng): string {
  return `1${3 + rng.int(7)}${String(rng.int(1e9)).padStart(9, '0')}`;
}

/** The same mobile number as people also write it. */
function reformat(phone: string): string {
  return `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
}

/** A name with the same normalised key as `name`, or undefined. */
function sameKeyVariant(name: string, key: string, rng: Rng): string | undefined {
  const candidates: string[] = [];
  const bracket = /（[^）]*）/.exec(name);
  if (bracket) candidates.push(name.replace(bracket[0], ''));
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) {
    for (const s of SUFFIXES) if (s !== suffix) candidates.push(name.slice(0, -suffix.length) + s);
  } else candidates.push(`${name}有限公司`);
  candidates.push(name.replace('（', '(').replace('）', ')').replace('有限公司', ' 有限公司'));
  const start = rng.int(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[(start + i) % candidates.length] as string;
    if (c !== name && normalizeName(c) === key) return c;
  }
  return undefined;
}

/** A name one word longer than `name` whose key is similar (≥ 0.8) but not equal. */
function similarVariant(name: string, key: string, rng: Rng): string | undefined {
  const suffix = SUFFIXES.find((s) => name.endsWith(s)) ?? '';
  const stem = name.slice(0, name.length - suffix.length);
  const start = rng.int(EXTRA_WORDS.length);
  for (let i = 0; i < EXTRA_WORDS.length; i++) {
    const w = EXTRA_WORDS[(start + i) % EXTRA_WORDS.length] as string;
    if (stem.includes(w)) continue;
    const c = `${stem}${w}${suffix}`;
    const k = normalizeName(c);
    if (k !== key && nameKeySimilarity(k, key) >= 0.8) return c;
  }
  return undefined;
}

export function buildDuplicateData(base: number, perKind: number, seed = 20261130): DuplicateData {
  const rng = new Rng(seed, 99);
  const now = new Date().toISOString();
  const customers: BulkRow<'customers'>[] = [];
  const creditCodes: [number, string][] = [];
  const contacts: ContactRow[] = [];
  const organisations: number[] = [];
  const phoneOf = new Map<number, string>();
  for (const b of generateDemo({ customers: base, ordersPerCustomer: 0.05, seed })) {
    for (const c of b.customers) {
      customers.push({ ...c, owner_id: null, created_at: now, updated_at: now });
      if (c.type === 'enterprise' || c.type === 'group') {
        organisations.push(c.id);
        if (rng.chance(0.3)) creditCodes.push([c.id, creditCode(c.id, c.region_code)]);
      }
      if (rng.chance(0.2)) {
        const phone = mobile(rng);
        phoneOf.set(c.id, phone);
        contacts.push({ customerId: c.id, name: '联系人', phone });
      }
    }
  }
  const byId = (id: number) => customers[id - 1] as BulkRow<'customers'>;
  let nextId = customers.length + 1;
  const injected: Injected[] = [];
  const add = (kind: InjectedKind, baseId: number, name: string) => {
    const id = nextId++;
    const from = byId(baseId);
    customers.push({
      ...from,
      id,
      code: `DUP${String(id).padStart(8, '0')}`,
      name,
      name_key: normalizeName(name),
    });
    injected.push({ kind, baseId, dupId: id });
    return id;
  };
  const used = new Set<number>();
  const pick = (pool: readonly number[]) => {
    for (;;) {
      const id = pool[rng.int(pool.length)] as number;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  for (let n = 0; n < perKind; ) {
    const id = pick(organisations);
    const from = byId(id);
    const v = sameKeyVariant(from.name, from.name_key as string, rng);
    if (v) {
      add('same_name', id, v);
      n++;
    }
  }
  for (let n = 0; n < perKind; ) {
    const id = pick(organisations);
    const from = byId(id);
    const v = similarVariant(from.name, from.name_key as string, rng);
    if (v) {
      add('similar_name', id, v);
      n++;
    }
  }
  // Phone duplicates: other companies (from another generator stream) sharing a contact number.
  const withPhone = [...phoneOf.keys()];
  const others = generateDemo({ customers: perKind * 3, ordersPerCustomer: 0.05, seed: seed + 1 });
  const otherNames: string[] = [];
  for (const b of others) {
    for (const c of b.customers) if (c.type === 'enterprise') otherNames.push(c.name);
  }
  for (let n = 0; n < perKind; n++) {
    const id = pick(withPhone);
    const dup = add('phone', id, otherNames[n % otherNames.length] as string);
    contacts.push({ customerId: dup, name: '采购', phone: reformat(phoneOf.get(id) as string) });
  }
  return { customers, creditCodes, contacts, injected };
}
