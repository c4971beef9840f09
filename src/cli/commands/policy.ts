import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemCtx } from '../../app/context';
import type { Deps } from '../../app/deps';
import * as catalogs from '../../app/policy/catalog.service';
import { checkCustomerOrder } from '../../app/policy/order-check.service';
import { DomainError, type FieldIssue } from '../../domain/errors';
import { fromMinorUnits, toMinorUnits } from '../../domain/money';
import type { PolicyCatalog } from '../../domain/policy/policy.schema';
import { withDeps } from '../with-deps';

/** The scheme id of a key, or undefined for the service-tier scheme. */
async function schemeIdOf(deps: Deps, key: string | undefined): Promise<number | undefined> {
  if (!key) return undefined;
  const all = await catalogs.listPolicySchemes(deps, systemCtx());
  const s = all.find((x) => x.key === key);
  if (!s) throw new DomainError('NOT_FOUND', `No scheme with key ${key}`);
  return s.id;
}

function printCatalog(c: Awaited<ReturnType<typeof catalogs.getCatalog>>): void {
  const cat = c.catalog as PolicyCatalog;
  console.log(
    `Scheme ${c.schemeKey}${c.serviceTier ? ' (service tier)' : ''}: catalog ${
      c.version === null ? 'seed default' : `version ${c.version}`
    }${c.savedAt ? ` saved ${c.savedAt}${c.savedBy?.name ? ` by ${c.savedBy.name}` : ''}` : ''}`,
  );
  console.log(`Payment terms: ${cat.paymentTerms.map((t) => t.id).join(' > ')}`);
  console.table(
    cat.tiers.map((p) => ({
      tier: p.tier,
      priceFloorPct: p.priceFloorPct,
      paymentTerm: p.paymentTerm,
      leadTimeDays: p.leadTimeDays,
      rush: p.rush,
      review: p.orderReview,
      replyHours: p.inquiryReplyHours,
      visits: `${p.visits.minPerMonth}-${p.visits.maxPerMonth}`,
      account: p.accountModel,
      sponsor: p.executiveSponsor,
      entitlements: p.entitlements.map((e) => e.key).join(','),
    })),
  );
}

/**
 * Parses `product:qty:internalPrice` (price in yuan, e.g. 120.50); the product may itself hold
 * colons, so the last two parts are the numbers.
 */
export function parseLineOption(text: string, i: number, issues: FieldIssue[]) {
  const parts = text.split(':');
  if (parts.length < 3) {
    issues.push({
      field: `lines.${i}`,
      message: `"${text}" must be product:quantity:internalPrice`,
    });
    return { product: text, quantity: 0, internalPriceMinor: 0 };
  }
  const price = parts.pop() as string;
  const qty = parts.pop() as string;
  const quantity = Number(qty);
  const minor = toMinorUnits(price);
  if (!/^\d+$/.test(qty) || quantity <= 0)
    issues.push({
      field: `lines.${i}.quantity`,
      message: `quantity "${qty}" must be a whole number above 0`,
    });
  if (minor === undefined || minor < 0)
    issues.push({
      field: `lines.${i}.internalPriceMinor`,
      message: `internal price "${price}" must be an amount such as 120.50`,
    });
  return { product: parts.join(':'), quantity, internalPriceMinor: minor ?? 0 };
}

interface OrderOpts {
  customer: string;
  line: string[];
  discount: string;
  terms: string;
  delivery: string;
  rush?: boolean;
}

/** `tierdesk policy …` (show, export, import) and `tierdesk order check`. */
export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('Tier policy catalogs');
  policy
    .command('show')
    .description('Print the policy catalog in force')
    .option('--scheme <key>', 'scheme key (default: the service-tier scheme)')
    .action(async (o: { scheme?: string }) => {
      await withDeps(async (deps) => {
        printCatalog(
          await catalogs.getCatalog(deps, systemCtx(), await schemeIdOf(deps, o.scheme)),
        );
      });
    });
  policy
    .command('export')
    .description('Write the catalog in force to a JSON file')
    .requiredOption('--out <file>', 'the JSON file to write')
    .option('--scheme <key>', 'scheme key (default: the service-tier scheme)')
    .action(async (o: { out: string; scheme?: string }) => {
      await withDeps(async (deps) => {
        const c = await catalogs.getCatalog(deps, systemCtx(), await schemeIdOf(deps, o.scheme));
        const doc = { schemeKey: c.schemeKey, version: c.version, catalog: c.catalog };
        writeFileSync(o.out, `${JSON.stringify(doc, null, 2)}\n`);
        console.log(
          `Wrote ${o.out}: scheme ${c.schemeKey}, version ${c.version ?? 'seed default'}`,
        );
      });
    });
  policy
    .command('import <file>')
    .description('Save a catalog from a JSON file as a new version (validated, all or nothing)')
    .option('--note <text>', 'why the catalog changes')
    .option('--scheme <key>', 'scheme key (default: the file’s schemeKey, else the service tier)')
    .action(async (file: string, o: { note?: string; scheme?: string }) => {
      let doc: { schemeKey?: unknown; catalog?: unknown };
      try {
        doc = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new DomainError('VALIDATION', `cannot read ${file}: ${(e as Error).message}`);
      }
      await withDeps(async (deps) => {
        const ctx = systemCtx();
        const key = o.scheme ?? (typeof doc.schemeKey === 'string' ? doc.schemeKey : undefined);
        const current = await catalogs.getCatalog(deps, ctx, await schemeIdOf(deps, key));
        const saved = await catalogs.saveCatalog(deps, ctx, current.schemeId, {
          catalog: 'catalog' in doc ? doc.catalog : doc,
          note: o.note,
          baseVersion: current.version,
        });
        console.log(`Saved scheme ${saved.schemeKey} catalog version ${saved.version}`);
      });
    });

  const order = program.command('order').description('Orders against tier policies');
  order
    .command('check')
    .description('Check an order against the customer’s tier policy (writes nothing)')
    .requiredOption('--customer <code>', 'customer code')
    .requiredOption(
      '--line <product:qty:internalPrice>',
      'an order line (repeat for more); the internal unit price in yuan',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--discount <percent>', 'requested discount in percent (negative: surcharge)', '0')
    .requiredOption('--terms <id>', 'payment term id on the ladder, e.g. cod_or_30')
    .requiredOption('--delivery <date>', 'requested delivery date, YYYY-MM-DD')
    .option('--rush', 'a rush order')
    .action(async (o: OrderOpts) => {
      const issues: FieldIssue[] = [];
      const lines = o.line.map((l, i) => parseLineOption(l, i, issues));
      const discount = Number(o.discount);
      if (o.discount.trim() === '' || !Number.isFinite(discount))
        issues.push({ field: 'requestedDiscountPct', message: `"${o.discount}" must be a number` });
      if (issues.length) throw new DomainError('VALIDATION', 'Invalid order', { issues });
      await withDeps(async (deps) => {
        const r = await checkCustomerOrder(deps, systemCtx(), {
          customerCode: o.customer,
          lines,
          requestedDiscountPct: discount,
          paymentTerm: o.terms,
          deliveryDate: o.delivery,
          rush: Boolean(o.rush),
        });
        console.log(
          `${r.customer.code} ${r.customer.name}: tier ${r.policy.tier ?? '-'}, terms up to ${
            r.policy.paymentTerm ?? '-'
          }, earliest delivery ${r.earliestDelivery}, review ${r.review ?? '-'}`,
        );
        console.log(
          `Total ${fromMinorUnits(r.totals.requestedMinor)} (internal ${fromMinorUnits(
            r.totals.internalMinor,
          )}, floor ${fromMinorUnits(r.totals.priceFloorMinor)})`,
        );
        if (r.allowed) {
          console.log('ALLOWED');
          return;
        }
        console.log('REFUSED');
        for (const x of r.reasons) console.log(`  - ${x.code} (${x.field}): ${x.message}`);
        // A refusal is an answer, not a failure; a distinct exit code lets scripts tell them apart.
        process.exitCode = 2;
      });
    });
}
