import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { userCtx } from '../../app/auth/users.service';
import { type Ctx, systemCtx } from '../../app/context';
import * as customers from '../../app/customers/customers.service';
import type { Deps } from '../../app/deps';
import { exportCustomers } from '../../app/export/export.service';
import type { CreateCustomerInput } from '../../domain/customers/customer.schema';
import { withDeps } from '../with-deps';

function print(c: customers.CustomerView): void {
  console.log(
    `${c.code}\t${c.name}\t${c.type}\t${c.industry ?? ''}\t${c.region ?? ''}\t${c.size ?? ''}\tv${c.version}`,
  );
}

interface FieldOpts {
  code?: string;
  name?: string;
  type?: string;
  industry?: string;
  region?: string;
  province?: string;
  city?: string;
  size?: string;
  owner?: string;
}

function fieldsOf(o: FieldOpts): Partial<CreateCustomerInput> {
  const f: Record<string, unknown> = {};
  for (const k of [
    'code',
    'name',
    'type',
    'industry',
    'region',
    'province',
    'city',
    'size',
  ] as const) {
    if (o[k] !== undefined) f[k] = o[k];
  }
  if (o.owner !== undefined) f.ownerId = Number(o.owner);
  return f as Partial<CreateCustomerInput>;
}

function withFieldOptions(cmd: Command): Command {
  return cmd
    .option('--name <name>', 'customer name')
    .option('--type <type>', 'individual | enterprise | group | internal')
    .option('--industry <industry>', 'industry')
    .option('--region <region>', 'sales region')
    .option('--province <province>', 'province')
    .option('--city <city>', 'city')
    .option('--size <size>', 'large | medium | small | micro')
    .option('--owner <userId>', 'account manager user id');
}

/**
 * The context a command acts in: the system actor (every customer) by default, or the user
 * named by `--as`, whose role's permissions and row scope then apply.
 */
async function actingCtx(deps: Deps, as: string | undefined): Promise<Ctx> {
  return as ? userCtx(deps, as) : systemCtx();
}

const AS_HELP = 'act as this user: their permissions and row scope apply (default: system)';

/** `tierdesk customers list|show|export|create|edit`. */
export function registerCustomerCommands(program: Command): void {
  const cmd = program.command('customers').description('List, view, create and edit customers');
  cmd
    .command('list')
    .description('List customers')
    .option('-q, --query <text>', 'search name or code')
    .option('--sort <field>', 'sort field', 'code')
    .option('--order <dir>', 'asc | desc', 'asc')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'rows per page', '50')
    .option('--as <username>', AS_HELP)
    .action(
      async (o: {
        query?: string;
        sort: string;
        order: string;
        page: string;
        pageSize: string;
        as?: string;
      }) => {
        await withDeps(async (deps) => {
          const r = await customers.listCustomers(deps, await actingCtx(deps, o.as), {
            ...(o.query ? { q: o.query } : {}),
            sort: o.sort as never,
            order: o.order as never,
            page: Number(o.page),
            pageSize: Number(o.pageSize),
          });
          for (const c of r.items) print(c);
          console.log(`-- ${r.items.length} of ${r.total} (page ${r.page})`);
        });
      },
    );
  cmd
    .command('show <code>')
    .description('Show one customer by code')
    .option('--as <username>', AS_HELP)
    .action(async (code: string, o: { as?: string }) => {
      await withDeps(async (deps) => {
        const ctx = await actingCtx(deps, o.as);
        console.log(JSON.stringify(await customers.getCustomerByCode(deps, ctx, code), null, 2));
      });
    });
  cmd
    .command('export')
    .description('Export customers as CSV or XLSX (to a file, or CSV to standard output)')
    .option('-q, --query <text>', 'search name or code')
    .option('--format <format>', 'csv | xlsx', 'csv')
    .option('-o, --output <file>', 'file to write (default: standard output)')
    .option('--lang <lang>', 'zh-CN | en (column headers)', 'zh-CN')
    .option('--as <username>', AS_HELP)
    .action(
      async (o: { query?: string; format: string; output?: string; lang: string; as?: string }) => {
        if (o.format !== 'csv' && o.format !== 'xlsx')
          throw new Error(`--format must be csv or xlsx, not ${o.format}`);
        if (o.format === 'xlsx' && !o.output) throw new Error('--format xlsx needs --output');
        const format = o.format;
        await withDeps(async (deps) => {
          const stream = await exportCustomers(
            deps,
            await actingCtx(deps, o.as),
            format,
            { includeMerged: false, ...(o.query ? { q: o.query } : {}) },
            o.lang === 'en' ? 'en' : 'zh-CN',
          );
          await pipeline(stream, o.output ? createWriteStream(o.output) : process.stdout, {
            end: !!o.output,
          });
        });
      },
    );
  withFieldOptions(cmd.command('create').description('Create a customer'))
    .requiredOption('--code <code>', 'unique customer code')
    .action(async (o: FieldOpts) => {
      await withDeps(async (deps) => {
        print(
          await customers.createCustomer(deps, systemCtx(), fieldsOf(o) as CreateCustomerInput),
        );
      });
    });
  withFieldOptions(cmd.command('edit <code>').description('Edit a customer'))
    .option('--new-code <code>', 'change the code')
    .action(async (code: string, o: FieldOpts & { newCode?: string }) => {
      await withDeps(async (deps) => {
        const ctx = systemCtx();
        const current = await customers.getCustomerByCode(deps, ctx, code);
        const fields = fieldsOf({ ...o, code: o.newCode });
        print(
          await customers.updateCustomer(deps, ctx, current.id, {
            ...fields,
            version: current.version,
          }),
        );
      });
    });
}
