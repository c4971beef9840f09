import { systemCtx } from '../context';
import { addContact } from '../customers/contacts.service';
import type { Deps } from '../deps';

const FIRST_NAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰'];

/**
 * Gives the demo's front-line card something to find: a primary contact with a mobile phone for
 * the first 60 demo customers (so the card can be looked up by phone, e.g. 138 0013 8000), a key
 * person among every fifth, and the stored tags a service desk sets by hand (a blacklist entry,
 * key persons). Deterministic and idempotent: customers that already have contacts are skipped.
 */
export async function seedDemoFrontline(
  deps: Deps,
  log: (msg: string) => void = () => {},
): Promise<number> {
  const ctx = systemCtx('demo');
  const db = deps.store.db;
  const customers = await db
    .selectFrom('customers')
    .select(['id', 'code'])
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(60)
    .execute();
  const withContacts = new Set(
    (
      await db
        .selectFrom('contacts')
        .select('customer_id')
        .where(
          'customer_id',
          'in',
          customers.map((c) => c.id),
        )
        .execute()
    ).map((r) => Number(r.customer_id)),
  );
  let added = 0;
  const now = ctx.now().toISOString();
  for (const [i, c] of customers.entries()) {
    if (withContacts.has(Number(c.id))) continue;
    const keyPerson = i % 5 === 0;
    await addContact(deps, ctx, Number(c.id), {
      name: `${FIRST_NAMES[i % 10]}${GIVEN[(i * 7) % 10]}`,
      role: keyPerson ? 'key_person' : 'purchaser',
      isPrimary: true,
      phone: `138${String(138000 + i).padStart(8, '0')}`,
    });
    const tags = [
      ...(keyPerson ? ['key_person'] : []),
      ...(i === 7 || i === 41 ? ['blacklist'] : []),
    ];
    if (tags.length)
      await db
        .insertInto('customer_tags')
        .values(tags.map((tag) => ({ customer_id: Number(c.id), tag, created_at: now })))
        .execute();
    added++;
  }
  if (added) log(`  Demo contacts for the front-line card: ${added} (phones 138 0013 8000 …)`);
  return added;
}
