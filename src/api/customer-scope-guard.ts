import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../app/context';
import type { Deps } from '../app/deps';
import { customerFilterOf } from '../domain/auth/customer-scope';
import { notFound } from '../domain/errors';
import { customerInScope } from '../store/customer-scope';
import type { DB } from '../store/schema';
import { ctxOf } from './access';

/**
 * Objects that belong to one customer, by route prefix: the table and the id parameter that
 * names the object. A scoped user reaching one of another owner's objects gets 404.
 */
const OWNED_OBJECTS: { prefix: string; table: keyof DB & string; entity: string }[] = [
  { prefix: '/api/tickets/:id', table: 'tickets', entity: 'Ticket' },
  { prefix: '/api/contacts/:id', table: 'contacts', entity: 'Contact' },
  { prefix: '/api/addresses/:id', table: 'customer_addresses', entity: 'Address' },
  { prefix: '/api/orders/requests/:id', table: 'order_requests', entity: 'Order request' },
  { prefix: '/api/entitlement-uses/:id', table: 'entitlement_uses', entity: 'Entitlement use' },
  { prefix: '/api/terminations/:id', table: 'customer_terminations', entity: 'Termination' },
  {
    prefix: '/api/upgrade-applications/:id',
    table: 'upgrade_applications',
    entity: 'Upgrade application',
  },
  { prefix: '/api/feedback/:id', table: 'feedback', entity: 'Feedback' },
];

/** What a request is about: a customer, and the object named in the URL (for the 404). */
interface Subject {
  customerId: number;
  entity: string;
  id: number;
}

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The customer a request is about, read from the route and its parameters: `/api/customers/:id…`,
 * any `:customerId` parameter, or an object of OWNED_OBJECTS. Undefined when the route is not
 * about one customer (or the object does not exist: the use case answers that).
 */
async function subjectOf(deps: Deps, req: FastifyRequest): Promise<Subject | undefined> {
  const url = req.routeOptions.url ?? '';
  const params = (req.params ?? {}) as Record<string, unknown>;
  const customer = (v: unknown): Subject | undefined => {
    const id = positiveInt(v);
    return id === undefined ? undefined : { customerId: id, entity: 'Customer', id };
  };
  if (url === '/api/customers/:id' || url.startsWith('/api/customers/:id/'))
    return customer(params.id);
  if ('customerId' in params) return customer(params.customerId);
  for (const o of OWNED_OBJECTS) {
    if (url !== o.prefix && !url.startsWith(`${o.prefix}/`)) continue;
    const id = positiveInt(params.id);
    if (id === undefined) return undefined;
    const row = (await deps.store.db
      // biome-ignore lint/suspicious/noExplicitAny: the table is one of OWNED_OBJECTS, each with customer_id
      .selectFrom(o.table as any)
      .select('customer_id')
      .where('id', '=', id)
      .executeTakeFirst()) as { customer_id: number | null } | undefined;
    const customerId = row?.customer_id;
    return customerId == null ? undefined : { customerId, entity: o.entity, id };
  }
  return undefined;
}

/**
 * Applies row scopes to every route about one customer before its handler runs, so a route
 * added later cannot forget them: an account manager asking for another owner's customer (or
 * its tickets, contacts, entitlements, portrait …) by id gets 404 NOT_FOUND, exactly as for an
 * id that does not exist. Use cases check the scope too; this is the safety net over all routes.
 */
export function registerCustomerScopeGuard(app: FastifyInstance, deps: Deps): void {
  app.addHook('preHandler', async (req) => {
    let actor: Actor;
    try {
      actor = ctxOf(req).actor;
    } catch {
      return; // public routes: nobody to scope
    }
    const filter = customerFilterOf(actor);
    if (filter.kind === 'all') return;
    const subject = await subjectOf(deps, req);
    if (subject === undefined) return;
    if (!(await customerInScope(deps.store.db, filter, subject.customerId)))
      throw notFound(subject.entity, subject.id);
  });
}
