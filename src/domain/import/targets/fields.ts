import { CUSTOMER_SIZES, CUSTOMER_TYPES } from '../../customers/customer.schema';
import type { TargetFieldDef } from './target';

const TYPE_LABELS: Record<(typeof CUSTOMER_TYPES)[number], string[]> = {
  individual: ['个人', '个人客户'],
  enterprise: ['企业', '企业客户', '公司'],
  group: ['集团', '集团客户'],
  internal: ['内部', '内部客户', '内部部门'],
};
const SIZE_LABELS: Record<(typeof CUSTOMER_SIZES)[number], string[]> = {
  large: ['大', '大型', '大客户'],
  medium: ['中', '中型'],
  small: ['小', '小型'],
  micro: ['微', '微型'],
};

/** Fields a customer import can fill. */
export const CUSTOMER_IMPORT_FIELDS: TargetFieldDef[] = [
  {
    field: 'code',
    labelZh: '客户编码',
    labelEn: 'Code',
    required: true,
    type: { kind: 'text', max: 64 },
  },
  {
    field: 'name',
    labelZh: '客户名称',
    labelEn: 'Name',
    required: true,
    type: { kind: 'text', max: 200 },
  },
  {
    field: 'type',
    labelZh: '客户类型',
    labelEn: 'Type',
    type: {
      kind: 'enum',
      options: CUSTOMER_TYPES.map((v) => ({ value: v, labels: TYPE_LABELS[v] })),
    },
  },
  {
    field: 'creditCode',
    labelZh: '统一社会信用代码',
    labelEn: 'Credit code',
    type: { kind: 'text', max: 18 },
  },
  { field: 'industry', labelZh: '行业', labelEn: 'Industry', type: { kind: 'text', max: 100 } },
  {
    field: 'size',
    labelZh: '规模',
    labelEn: 'Size',
    type: {
      kind: 'enum',
      options: CUSTOMER_SIZES.map((v) => ({ value: v, labels: SIZE_LABELS[v] })),
    },
  },
  {
    field: 'region',
    labelZh: '销售区域',
    labelEn: 'Sales region',
    type: { kind: 'text', max: 100 },
    synonyms: ['区域', '大区', 'region'],
  },
  { field: 'province', labelZh: '省份', labelEn: 'Province', type: { kind: 'text', max: 50 } },
  { field: 'city', labelZh: '城市', labelEn: 'City', type: { kind: 'text', max: 50 } },
  { field: 'district', labelZh: '区县', labelEn: 'District', type: { kind: 'text', max: 50 } },
  { field: 'address', labelZh: '地址', labelEn: 'Address', type: { kind: 'text', max: 300 } },
  { field: 'source', labelZh: '来源', labelEn: 'Source', type: { kind: 'text', max: 100 } },
  { field: 'owner', labelZh: '客户经理', labelEn: 'Owner', type: { kind: 'text', max: 64 } },
  { field: 'tags', labelZh: '标签', labelEn: 'Tags', type: { kind: 'list' } },
  { field: 'contactName', labelZh: '联系人', labelEn: 'Contact', type: { kind: 'text', max: 100 } },
  { field: 'phone', labelZh: '电话', labelEn: 'Phone', type: { kind: 'text', max: 40 } },
  { field: 'email', labelZh: '邮箱', labelEn: 'E-mail', type: { kind: 'text', max: 200 } },
];

/** Fields an order import can fill; `code` is the customer's code. */
export const ORDER_IMPORT_FIELDS: TargetFieldDef[] = [
  {
    field: 'code',
    labelZh: '客户编码',
    labelEn: 'Customer code',
    required: true,
    type: { kind: 'text', max: 64 },
  },
  {
    field: 'name',
    labelZh: '客户名称',
    labelEn: 'Customer name',
    type: { kind: 'text', max: 200 },
  },
  { field: 'orderNo', labelZh: '订单号', labelEn: 'Order no.', type: { kind: 'text', max: 64 } },
  {
    field: 'date',
    labelZh: '下单日期',
    labelEn: 'Order date',
    required: true,
    type: { kind: 'date' },
  },
  { field: 'amount', labelZh: '金额', labelEn: 'Amount', required: true, type: { kind: 'amount' } },
  { field: 'cost', labelZh: '成本', labelEn: 'Cost', type: { kind: 'amount' } },
  { field: 'quantity', labelZh: '数量', labelEn: 'Quantity', type: { kind: 'integer', min: 1 } },
  { field: 'product', labelZh: '产品', labelEn: 'Product', type: { kind: 'text', max: 200 } },
  { field: 'category', labelZh: '品类', labelEn: 'Category', type: { kind: 'text', max: 200 } },
  { field: 'channel', labelZh: '渠道', labelEn: 'Channel', type: { kind: 'text', max: 50 } },
  { field: 'currency', labelZh: '币种', labelEn: 'Currency', type: { kind: 'text', max: 3 } },
  {
    field: 'rush',
    labelZh: '加急',
    labelEn: 'Rush',
    type: { kind: 'boolean' },
    synonyms: ['是否加急', 'rush', 'urgent'],
  },
];

/** Fields a payment import can fill. */
export const PAYMENT_IMPORT_FIELDS: TargetFieldDef[] = [
  {
    field: 'code',
    labelZh: '客户编码',
    labelEn: 'Customer code',
    required: true,
    type: { kind: 'text', max: 64 },
  },
  {
    field: 'invoiceNo',
    labelZh: '发票号',
    labelEn: 'Invoice no.',
    required: true,
    type: { kind: 'text', max: 64 },
    synonyms: ['发票号码', '发票编号', '单据号', 'invoice', 'invoice no', 'invoice number'],
  },
  { field: 'amount', labelZh: '金额', labelEn: 'Amount', required: true, type: { kind: 'amount' } },
  {
    field: 'dueOn',
    labelZh: '到期日',
    labelEn: 'Due date',
    required: true,
    type: { kind: 'date' },
    synonyms: ['到期日期', '应收日期', '应付日期', 'due', 'due date'],
  },
  {
    field: 'paidOn',
    labelZh: '回款日期',
    labelEn: 'Paid date',
    type: { kind: 'date' },
    synonyms: ['付款日期', '收款日期', '实收日期', 'paid', 'paid date', 'payment date'],
  },
];

export const IMPORT_TARGETS = {
  customers: CUSTOMER_IMPORT_FIELDS,
  orders: ORDER_IMPORT_FIELDS,
  payments: PAYMENT_IMPORT_FIELDS,
} as const;
export type ImportTarget = keyof typeof IMPORT_TARGETS;
export const IMPORT_TARGET_NAMES = Object.keys(IMPORT_TARGETS) as ImportTarget[];
