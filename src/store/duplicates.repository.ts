import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../domain/auth/customer-scope';
import type { DuplicateSubject } from '../domain/customers/duplicates';
import { scopeCondition } from './customer-scope';
import type { DB } from './schema';

/** Rows read per query: keyset pages keep only one page of driver rows in memory at a time. */
const PAGE = 50_000;
/** Shared by every customer without contacts (most of them); never written to. */
const NONE: readonly string[] = Object.freeze([]);

/**
 * Loads what duplicate detection compares for every active customer in `scope`: normalised name, credit
 * code, and the keyed hashes of contact phones and e-mails (never the personal data itself).
 * Customers come in id order, page by page; customers without a phone or e-mail share one
 * empty list, so a million subjects cost a few hundred bytes each.
 */
export async function loadDuplicateSubjects(
  db: Kysely<DB>,
  scope: CustomerFilter = { kind: 'all' },
): Promise<DuplicateSubject[]> {
  const subjects: DuplicateSubject[] = [];
  const inScope = scopeCondition(scope, 'c');
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('customers as c')
      .select(['c.id', 'c.name_key', 'c.credit_code'])
      .where('c.status', '=', 'active')
      .$if(inScope !== undefined, (q) => q.where(inScope!))
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      subjects.push({
        id: r.id,
        nameKey: r.name_key ?? '',
        creditCode: r.credit_code,
        phoneHashes: NONE,
        emailHashes: NONE,
      });
    }
    if (rows.length < PAGE) break;
    after = (rows[rows.length - 1] as { id: number }).id;
  }
  // Subjects are in id order: a contact finds its customer by binary search.
  const ids = Float64Array.from(subjects, (s) => s.id);
  const find = (id: number): DuplicateSubject | undefined => {
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid] as number;
      if (v === id) return subjects[mid];
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  for (let after = 0; ; ) {
    const contacts = await db
      .selectFrom('contacts')
      .select(['id', 'customer_id', 'phone_hash', 'email_hash'])
      .where((eb) => eb.or([eb('phone_hash', 'is not', null), eb('email_hash', 'is not', null)]))
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const c of contacts) {
      const s = find(c.customer_id) as
        | (DuplicateSubject & { phoneHashes: string[]; emailHashes: string[] })
        | undefined;
      if (!s) continue;
      if (c.phone_hash) {
        if (s.phoneHashes === NONE) s.phoneHashes = [];
        s.phoneHashes.push(c.phone_hash);
      }
      if (c.email_hash) {
        if (s.emailHashes === NONE) s.emailHashes = [];
        s.emailHashes.push(c.email_hash);
      }
    }
    if (contacts.length < PAGE) break;
    after = (contacts[contacts.length - 1] as { id: number }).id;
  }
  return subjects;
}

/** Id, code, name and version of customers, for presenting duplicate pairs. */
export async function customerSummaries(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0)
    return new Map<number, { id: number; code: string; name: string; version: number }>();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'version'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
