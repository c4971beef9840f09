import { z } from 'zod';
import { DomainError, validationError } from '../../domain/errors';
import {
  type CardCustomer,
  customerByCode,
  customersByPhoneHash,
} from '../../store/frontline/card.repository';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { maskPersonal, personalHash } from '../security/personal-data';

export const lookupInput = z.strictObject({
  code: z.string().trim().min(1, 'code must not be empty').max(100).optional(),
  phone: z.string().trim().min(3, 'phone is too short').max(40).optional(),
});

/** The customer a card lookup names, plus the other customers sharing the phone number. */
export interface LookupResult {
  customer: CardCustomer;
  otherMatches: { id: number; code: string; name: string }[];
}

/**
 * Finds the customer by code (exact) or by a contact's phone number through its keyed hash, so
 * "138 1234 5678" and "+86 13812345678" find the same contact without decrypting anything.
 * Exactly one of code and phone must be given; only customers in the actor's row scope match.
 */
export async function lookupCustomer(deps: Deps, ctx: Ctx, raw: unknown): Promise<LookupResult> {
  // Only customers in the reader's row scope are found: others answer NOT_FOUND like unknown ones.
  const scope = customerFilter(ctx);
  const q = parseInput(lookupInput, raw, 'Invalid card lookup');
  if ((q.code === undefined) === (q.phone === undefined))
    throw validationError('Give either a customer code or a phone number', [
      {
        field: q.code === undefined ? 'code' : 'phone',
        message: 'give exactly one of code and phone',
      },
    ]);
  const db = deps.store.db;
  if (q.code !== undefined) {
    const c = await customerByCode(db, q.code, scope);
    if (!c)
      throw new DomainError('NOT_FOUND', `No customer has the code ${q.code}`, {
        entity: 'Customer',
        code: q.code,
      });
    return { customer: c, otherMatches: [] };
  }
  const phone = q.phone as string;
  const found = await customersByPhoneHash(db, personalHash(deps.keyring, 'phone', phone), scope);
  const [first, ...rest] = found;
  if (!first)
    throw new DomainError(
      'NOT_FOUND',
      `No customer has a contact with the phone ${maskPersonal('phone', phone)}`,
      {
        entity: 'Customer',
        phone: maskPersonal('phone', phone),
      },
    );
  return {
    customer: first,
    otherMatches: rest.map((c) => ({ id: c.id, code: c.code, name: c.name })),
  };
}
