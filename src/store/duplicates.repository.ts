import type { Kysely } from 'kysely';
import type { DuplicateSubject } from '../domain/customers/duplicates';
import type { DB } from './schema';

/**
 * Loads what duplicate detection compares for every active customer: normalised name, credit
 * code, and the keyed hashes of contact phones and e-mails (never the personal data itself).
 */
export async function loadDuplicateSubjects(db: Kysely<DB>): Promise<DuplicateSubject[]> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name_key', 'credit_code'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const subjects = new Map<
    number,
    DuplicateSubject & { phoneHashes: string[]; emailHashes: string[] }
  >();
  for (const r of rows) {
    subjects.set(r.id, {
      id: r.id,
      nameKey: r.name_key ?? '',
      creditCode: r.credit_code,
      phoneHashes: [],
      emailHashes: [],
    });
  }
  const contacts = await db
    .selectFrom('contacts')
    .select(['customer_id', 'phone_hash', 'email_hash'])
    .where((eb) => eb.or([eb('phone_hash', 'is not', null), eb('email_hash', 'is not', null)]))
    .execute();
  for (const c of contacts) {
    const s = subjects.get(c.customer_id);
    if (!s) continue;
    if (c.phone_hash) s.phoneHashes.push(c.phone_hash);
    if (c.email_hash) s.emailHashes.push(c.email_hash);
  }
  return [...subjects.values()];
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
