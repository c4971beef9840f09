import { customerFilterOf, filterAllows } from '../../domain/auth/customer-scope';
import { APPROVED_TAGS } from '../../domain/customers/approved-tags';
import { validateCreditCode } from '../../domain/customers/credit-code';
import { type CustomFieldDef, validateCustomFields } from '../../domain/customers/custom-fields';
import { normalizeName } from '../../domain/customers/normalize';
import { parsePhone } from '../../domain/customers/normalize-phone';
import type { FieldIssue } from '../../domain/errors';
import type { ParsedCells } from '../../domain/import/targets/target';
import { resolveRegionParts } from '../../domain/regions';
import type { Deps } from '../deps';
import { personalHash, protectPersonal } from '../security/personal-data';
import type { ApplyContext } from './apply-context';

/**
 * Upserts customers by code: a new code creates a customer, a known one updates the fields the
 * file carries (blank cells leave values alone). A credit code, name or phone that matches
 * another customer is reported as a possible duplicate; the same code twice in one file rejects
 * the second row.
 */
export function customerApplier(
  ac: ApplyContext,
  deps: Deps,
  customDefs: readonly CustomFieldDef[] = [],
) {
  const db = ac.session.db;
  const seen = new Set<string>();
  let owners: Map<string, number> | undefined;

  const ownerId = async (owner: string) => {
    if (!owners) {
      const users = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name'])
        .execute();
      owners = new Map();
      for (const u of users) {
        owners.set(u.username.toLowerCase(), u.id);
        owners.set(u.display_name, u.id);
      }
    }
    return owners.get(owner) ?? owners.get(owner.toLowerCase());
  };

  const scope = customerFilterOf(ac.ctx.actor);
  const teams = new Map<number, string | null>();
  const teamOf = async (userId: number | null): Promise<string | null> => {
    if (userId === null || scope.kind !== 'team') return null;
    if (!teams.has(userId)) {
      const u = await db
        .selectFrom('users')
        .select('team')
        .where('id', '=', userId)
        .executeTakeFirst();
      teams.set(userId, u?.team ?? null);
    }
    return teams.get(userId) ?? null;
  };

  return {
    async add(cells: ParsedCells, row: number, values: readonly string[]): Promise<void> {
      const code = String(cells.code);
      const name = String(cells.name);
      const issues: FieldIssue[] = [];
      if (seen.has(code)) {
        issues.push({
          row,
          field: 'code',
          message: `code ${code} appears more than once in this file`,
          value: code,
          expected: 'each code once',
        });
      }
      const approved = APPROVED_TAGS.find((t) =>
        ((cells.tags as string[] | undefined) ?? []).includes(t),
      );
      if (approved)
        issues.push({
          row,
          field: 'tags',
          message: `the ${approved} tag is set only through an approved blacklist request, not by import`,
          value: approved,
          expected: 'tags other than blacklist',
        });
      const credit = cells.creditCode ? String(cells.creditCode).toUpperCase() : undefined;
      if (credit) {
        const v = validateCreditCode(credit);
        if (!v.ok)
          issues.push({
            row,
            field: 'creditCode',
            message: v.message,
            value: credit,
            expected: 'a valid unified social credit code',
          });
      }
      const phone = cells.phone as string | undefined;
      if (phone && !parsePhone(phone)) {
        issues.push({
          row,
          field: 'phone',
          message: 'is not a phone number',
          value: phone,
          expected: 'e.g. 138 1234 5678 or 021-12345678',
        });
      }
      const email = cells.email as string | undefined;
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        issues.push({
          row,
          field: 'email',
          message: 'is not an e-mail address',
          value: email,
          expected: 'name@example.com',
        });
      }
      let owner: number | undefined;
      if (cells.owner) {
        owner = await ownerId(String(cells.owner));
        if (owner === undefined) {
          issues.push({
            row,
            field: 'owner',
            message: `no user is called ${cells.owner}`,
            value: cells.owner,
            expected: 'a username or display name',
          });
        }
      }
      const customIn: Record<string, unknown> = {};
      for (const def of customDefs) {
        const v = cells[`custom.${def.key}`];
        if (v !== undefined) customIn[def.key] = v;
      }
      const custom = validateCustomFields(customDefs, customIn, { partial: true, row });
      issues.push(
        ...custom.issues.map((i) => ({ ...i, field: i.field.replace('customFields.', 'custom.') })),
      );
      if (issues.length) {
        ac.report.reject(row, values, issues);
        return;
      }
      seen.add(code);

      const region = resolveRegionParts({
        province: (cells.province as string | undefined) ?? null,
        city: (cells.city as string | undefined) ?? null,
        district: (cells.district as string | undefined) ?? null,
      });
      const nameKey = normalizeName(name);
      const fields = {
        name,
        name_key: nameKey,
        ...(cells.type ? { type: String(cells.type) } : {}),
        ...(credit ? { credit_code: credit } : {}),
        ...(cells.industry ? { industry: String(cells.industry) } : {}),
        ...(cells.size ? { size: String(cells.size) } : {}),
        ...(cells.region ? { region: String(cells.region) } : {}),
        ...(cells.province ? { province: String(cells.province) } : {}),
        ...(cells.city ? { city: String(cells.city) } : {}),
        ...(cells.district ? { district: String(cells.district) } : {}),
        ...(region.ok ? { region_code: region.match.code } : {}),
        ...(cells.source ? { source: String(cells.source) } : {}),
        ...(owner !== undefined ? { owner_id: owner } : {}),
      };

      // Possible duplicates among other customers: same credit code or same normalised name.
      const twin = await db
        .selectFrom('customers')
        .select(['code', 'credit_code', 'name_key'])
        .where('code', '!=', code)
        .where('status', '=', 'active')
        .where((eb) =>
          credit
            ? eb.or([eb('credit_code', '=', credit), eb('name_key', '=', nameKey)])
            : eb('name_key', '=', nameKey),
        )
        .executeTakeFirst();
      if (twin) {
        const same = credit && twin.credit_code === credit;
        if (same) {
          ac.report.reject(row, values, [
            {
              row,
              field: 'creditCode',
              message: `customer ${twin.code} already has credit code ${credit}`,
              value: credit,
              expected: 'a credit code no other customer has',
            },
          ]);
          return;
        }
        ac.report.warn({
          row,
          field: 'name',
          message: `possible duplicate of customer ${twin.code} (same name)`,
          value: name,
        });
      }

      const existing = await db
        .selectFrom('customers')
        .select(['id', 'version', 'status', 'custom_fields', 'owner_id', 'region'])
        .where('code', '=', code)
        .executeTakeFirst();
      // Row scopes: a scoped importer touches only customers they may see, and what they write
      // stays theirs to see (a new customer without an owner becomes the importer's own).
      if (scope.kind !== 'all') {
        if (!existing && fields.owner_id === undefined && ac.ctx.actor.id !== null)
          fields.owner_id = ac.ctx.actor.id;
        const outside =
          existing &&
          !filterAllows(scope, {
            ownerId: existing.owner_id,
            region: existing.region,
            ownerTeam: await teamOf(existing.owner_id),
          });
        const ownerAfter =
          fields.owner_id !== undefined ? fields.owner_id : (existing?.owner_id ?? null);
        const regionAfter =
          fields.region !== undefined ? fields.region : (existing?.region ?? null);
        if (
          outside ||
          !filterAllows(scope, {
            ownerId: ownerAfter,
            region: regionAfter,
            ownerTeam: await teamOf(ownerAfter),
          })
        ) {
          ac.report.reject(row, values, [
            {
              row,
              field: outside ? 'code' : 'owner',
              message: outside
                ? `customer ${code} is outside your row scope`
                : 'the customer would be outside your row scope',
              value: outside ? code : ((cells.owner as string | undefined) ?? null),
              expected: 'customers you own (or your team’s or region’s, as your role allows)',
            },
          ]);
          return;
        }
      }
      const customFields = JSON.stringify({
        ...(existing ? (JSON.parse(existing.custom_fields) as Record<string, unknown>) : {}),
        ...custom.values,
      });
      let id: number;
      if (existing) {
        await db
          .updateTable('customers')
          .set({
            ...fields,
            custom_fields: customFields,
            updated_at: ac.now,
            version: existing.version + 1,
          })
          .where('id', '=', existing.id)
          .execute();
        id = existing.id;
        ac.stats.updated++;
      } else {
        const r = await db
          .insertInto('customers')
          .values({
            code,
            type: 'enterprise',
            industry: null,
            region: null,
            province: null,
            city: null,
            district: null,
            region_code: null,
            credit_code: null,
            size: null,
            source: null,
            owner_id: null,
            ...fields,
            custom_fields: customFields,
            status: 'active',
            created_at: ac.now,
            updated_at: ac.now,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = r.id;
        ac.stats.created++;
      }

      const tags = (cells.tags as string[] | undefined) ?? [];
      if (tags.length) {
        await db
          .insertInto('customer_tags')
          .values([...new Set(tags)].map((tag) => ({ customer_id: id, tag, created_at: ac.now })))
          .onConflict((oc) => oc.columns(['customer_id', 'tag']).doNothing())
          .execute();
      }
      if (cells.contactName || phone || email) {
        await upsertContact(
          deps,
          ac,
          id,
          (cells.contactName as string | undefined) ?? name,
          phone,
          email,
        );
      }
    },
    async finish(): Promise<void> {},
  };
}

/** Adds the file's contact unless the customer already has one with that phone or e-mail. */
async function upsertContact(
  deps: Deps,
  ac: ApplyContext,
  customerId: number,
  name: string,
  phone: string | undefined,
  email: string | undefined,
) {
  const db = ac.session.db;
  const phoneHash = phone ? personalHash(deps.keyring, 'phone', phone) : null;
  const emailHash = email ? personalHash(deps.keyring, 'email', email) : null;
  const known = await db
    .selectFrom('contacts')
    .select('id')
    .where('customer_id', '=', customerId)
    .where((eb) =>
      eb.or([
        ...(phoneHash ? [eb('phone_hash', '=', phoneHash)] : []),
        ...(emailHash ? [eb('email_hash', '=', emailHash)] : []),
        ...(!phoneHash && !emailHash ? [eb('name', '=', name)] : []),
      ]),
    )
    .executeTakeFirst();
  if (known) return;
  const p = phone ? protectPersonal(deps.keyring, 'phone', phone, 'contact.phone') : undefined;
  const e = email ? protectPersonal(deps.keyring, 'email', email, 'contact.email') : undefined;
  const first = !(await db
    .selectFrom('contacts')
    .select('id')
    .where('customer_id', '=', customerId)
    .executeTakeFirst());
  await db
    .insertInto('contacts')
    .values({
      customer_id: customerId,
      name,
      title: null,
      role: null,
      is_primary: first ? 1 : 0,
      phone_enc: p?.ciphertext ?? null,
      phone_hash: p?.hash ?? null,
      email_enc: e?.ciphertext ?? null,
      email_hash: e?.hash ?? null,
      id_number_enc: null,
      id_number_hash: null,
      created_at: ac.now,
      updated_at: ac.now,
      version: 1,
    })
    .execute();
}
