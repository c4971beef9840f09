import type { Readable } from 'node:stream';
import type { Customer, ListCustomersQuery } from '../../domain/customers/customer.schema';
import type { FactKind } from '../../domain/facts/fact-kinds';
import { fromMinorUnits } from '../../domain/money';
import { listCustomFieldDefs } from '../../store/custom-fields.repository';
import { iterateCustomers } from '../../store/customers.repository';
import { iterateFacts } from '../../store/facts.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { assertCustomerInScope, customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { type ExportColumn, type ExportFormat, writeTable } from './table-writer';

type Lang = 'zh-CN' | 'en';

const CUSTOMER_HEADERS: Record<string, [string, string]> = {
  code: ['客户编码', 'Code'],
  name: ['客户名称', 'Name'],
  type: ['客户类型', 'Type'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  industry: ['行业', 'Industry'],
  size: ['规模', 'Size'],
  region: ['区域', 'Region'],
  province: ['省份', 'Province'],
  city: ['城市', 'City'],
  district: ['区县', 'District'],
  regionCode: ['行政区划代码', 'Region code'],
  source: ['来源', 'Source'],
  ownerName: ['客户经理', 'Owner'],
  tags: ['标签', 'Tags'],
  createdAt: ['创建时间', 'Created'],
  updatedAt: ['更新时间', 'Updated'],
};

const TYPE_LABELS: Record<string, [string, string]> = {
  individual: ['个人', 'Individual'],
  enterprise: ['企业', 'Enterprise'],
  group: ['集团', 'Group'],
  internal: ['内部', 'Internal'],
};
const SIZE_LABELS: Record<string, [string, string]> = {
  large: ['大型', 'Large'],
  medium: ['中型', 'Medium'],
  small: ['小型', 'Small'],
  micro: ['微型', 'Micro'],
};

/** Streams the customers in the actor's row scope matching a list filter as CSV or XLSX (formula-safe), audited. */
export async function exportCustomers(
  deps: Deps,
  ctx: Ctx,
  format: ExportFormat,
  filters: Omit<ListCustomersQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
  lang: Lang = 'zh-CN',
): Promise<Readable> {
  requirePermission(ctx, 'customers.export');
  const i = lang === 'en' ? 1 : 0;
  const label = (labels: Record<string, [string, string]>, v: unknown) =>
    typeof v === 'string' && labels[v] ? labels[v][i] : v;
  const columns: ExportColumn<Customer>[] = Object.entries(CUSTOMER_HEADERS).map(([key, h]) => ({
    header: h[i],
    value: (c: Customer) => {
      const v = c[key as keyof Customer];
      if (key === 'type') return label(TYPE_LABELS, v);
      if (key === 'size') return label(SIZE_LABELS, v);
      return v;
    },
    width: key === 'name' ? 36 : 16,
  }));
  const yesNo: Record<string, [string, string]> = { true: ['是', 'yes'], false: ['否', 'no'] };
  for (const def of await listCustomFieldDefs(deps.store.db)) {
    const options = Object.fromEntries(
      (def.options ?? []).map((o) => [o.value, [o.labelZh, o.labelEn] as [string, string]]),
    );
    columns.push({
      header: lang === 'en' ? def.labelEn : def.labelZh,
      value: (c) => {
        const v = c.customFields[def.key];
        if (Array.isArray(v)) return v.map((x) => label(options, x));
        if (typeof v === 'boolean') return label(yesNo, String(v));
        return label(options, v);
      },
    });
  }
  await writeAudit(deps.store.db, ctx, {
    action: 'customer.export',
    entity: 'customer',
    after: { format, filters },
  });
  return writeTable(
    format,
    columns,
    iterateCustomers(deps.store.db, deps.store.engine, filters, 1000, customerFilter(ctx)),
    'customers',
  );
}

/** Streams facts of one kind (all customers, or one) as CSV or XLSX; money as decimal text. */
export async function exportFacts(
  deps: Deps,
  ctx: Ctx,
  format: ExportFormat,
  kind: FactKind,
  customerId?: number,
): Promise<Readable> {
  requirePermission(ctx, 'customers.export');
  if (customerId !== undefined) await assertCustomerInScope(deps.store.db, ctx, customerId);
  const scope = customerFilter(ctx);
  const sample = iterateFacts(deps.store.db, kind, customerId, 1, scope);
  const first = await sample.next();
  await sample.return(undefined);
  const keys = first.done ? ['customerCode'] : Object.keys(first.value);
  const columns: ExportColumn<Record<string, unknown>>[] = keys.map((k) => ({
    header: k.endsWith('Minor') ? k.slice(0, -'Minor'.length) : k,
    value: (r) => {
      const v = r[k];
      return k.endsWith('Minor') && typeof v === 'number' ? fromMinorUnits(v) : v;
    },
  }));
  await writeAudit(deps.store.db, ctx, {
    action: `${kind}.export`,
    entity: kind,
    after: { format, customerId },
  });
  return writeTable(
    format,
    columns,
    iterateFacts(deps.store.db, kind, customerId, 2000, scope),
    kind,
  );
}
