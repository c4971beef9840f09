/**
 * The shipped request taxonomy (seed 000): seven top-level kinds of request — emergency, repair,
 * complaint, consultation, security incident, disaster, other — and under "complaint" a
 * multi-level tree modelled on the 95598 customer-service classification the seed lists.
 *
 * Codes are dotted paths (`complaint.service_channel.hotline`). A ticket may carry ANY known
 * node, not only a leaf: a caller who cannot tell the detail (the public form, an inbound system)
 * files under the top level and an agent refines it later. The top-level code is what older
 * readers (automation's complaint count, the front-line card) see in `tickets.category`.
 */

/** One node of the taxonomy. */
export interface CategoryNode {
  code: string;
  zh: string;
  en: string;
  /** Service level (1 urgent … 4 consultation) a new ticket gets when none is given. */
  defaultLevel?: 1 | 2 | 3 | 4;
  children?: CategoryNode[];
}

/** The seven top-level request kinds, in the seed's order. */
export const TOP_LEVEL_CATEGORIES = [
  'emergency',
  'repair',
  'complaint',
  'consultation',
  'security',
  'disaster',
  'other',
] as const;
export type TopLevelCategory = (typeof TOP_LEVEL_CATEGORIES)[number];

const leaf = (code: string, zh: string, en: string): CategoryNode => ({ code, zh, en });

/** The taxonomy tree as shipped. Codes are relative; {@link flattenTaxonomy} joins them. */
export const TAXONOMY: readonly CategoryNode[] = [
  { code: 'emergency', zh: '紧急求助', en: 'Emergency', defaultLevel: 1 },
  {
    code: 'repair',
    zh: '报修',
    en: 'Repair',
    defaultLevel: 2,
    children: [
      leaf('equipment_fault', '设备故障', 'Equipment fault'),
      leaf('installation', '安装调试', 'Installation and commissioning'),
      leaf('parts', '零件更换', 'Parts replacement'),
    ],
  },
  {
    code: 'complaint',
    zh: '投诉',
    en: 'Complaint',
    defaultLevel: 3,
    children: [
      leaf('service_attitude', '服务态度', 'Service attitude'),
      leaf('product_quality', '产品质量', 'Product quality'),
      leaf('delivery', '交货延迟', 'Late delivery'),
      leaf('billing', '账单与发票', 'Billing and invoices'),
      {
        code: 'grid_construction',
        zh: '电网建设',
        en: 'Network construction',
        children: [
          leaf('safety_distance', '设备安全距离', 'Equipment safety distance'),
          leaf('equipment_location', '供电设备位置', 'Equipment location'),
          leaf('electromagnetic_radiation', '电磁辐射', 'Electromagnetic radiation'),
          leaf('equipment_noise', '供电设备噪音', 'Equipment noise'),
          leaf('relocation_compensation', '电网建设拆迁补偿', 'Relocation compensation'),
        ],
      },
      {
        code: 'metering',
        zh: '计量与表计',
        en: 'Metering',
        children: [
          leaf('meter_renovation', '户表改造', 'Meter renovation'),
          leaf('meter_compensation', '赔表', 'Meter compensation'),
        ],
      },
      {
        code: 'new_connection',
        zh: '业扩报装',
        en: 'New connection',
        children: [leaf('process_handling', '环节处理问题', 'Process handling')],
      },
      {
        code: 'fault_repair',
        zh: '故障抢修',
        en: 'Fault repair',
        children: [
          leaf('long_handling_time', '处理时间长', 'Handling took too long'),
          leaf('dispute', '处理纠纷', 'Damage dispute'),
        ],
      },
      {
        code: 'service_channel',
        zh: '服务渠道',
        en: 'Service channel',
        children: [
          leaf('outlet_siting', '网点设置合理性', 'Service outlet siting'),
          leaf('hotline', '热线电话服务', 'Hotline service'),
        ],
      },
      {
        code: 'power_theft',
        zh: '窃电举报',
        en: 'Theft report',
        children: [
          leaf('meter_damage', '故意损坏计量装置', 'Deliberate meter damage'),
          leaf('meter_tampering', '故意使计量装置不准', 'Meter tampering'),
          leaf('prepaid_card_fraud', '电费充值卡业务', 'Prepaid card fraud'),
          leaf('other_theft', '其他窃电', 'Other theft'),
        ],
      },
      {
        code: 'contract_violation',
        zh: '违约用电',
        en: 'Contract violation',
        children: [
          leaf('unauthorised_supply', '擅自引入或供出电源', 'Unauthorised supply connection'),
          leaf('usage_class_change', '私自改变用电类别', 'Unauthorised change of usage class'),
        ],
      },
    ],
  },
  {
    code: 'consultation',
    zh: '咨询',
    en: 'Consultation',
    defaultLevel: 4,
    // Coverage requests (seed 002) have their own SLA targets by tier (1 / 2 / 3 working days).
    children: [leaf('network_coverage', '网络覆盖需求', 'Network coverage request')],
  },
  {
    code: 'security',
    zh: '安全事件',
    en: 'Security incident',
    defaultLevel: 1,
    children: [
      leaf('theft', '盗窃抢劫', 'Theft or robbery'),
      leaf('violence', '打架斗殴', 'Violence'),
      leaf('poisoning', '中毒', 'Poisoning'),
      leaf('traffic_accident', '交通意外', 'Traffic accident'),
      leaf('hazard', '安全隐患', 'Safety hazard'),
    ],
  },
  {
    code: 'disaster',
    zh: '灾害事故',
    en: 'Disaster',
    defaultLevel: 1,
    children: [
      leaf('typhoon', '台风', 'Typhoon'),
      leaf('flood', '水浸', 'Flooding'),
      leaf('fire', '火灾', 'Fire'),
    ],
  },
  { code: 'other', zh: '其他求助', en: 'Other', defaultLevel: 3 },
];

/** One node with its full path and the names along the way. */
export interface FlatCategory {
  code: string;
  top: TopLevelCategory;
  depth: number;
  zh: string;
  en: string;
  /** Names from the top level down, e.g. ['投诉', '服务渠道', '热线电话服务']. */
  pathZh: string[];
  pathEn: string[];
  defaultLevel: 1 | 2 | 3 | 4;
  leaf: boolean;
}

/** Every node of a tree with full dotted codes, parents before children. */
export function flattenTaxonomy(tree: readonly CategoryNode[] = TAXONOMY): FlatCategory[] {
  const out: FlatCategory[] = [];
  const walk = (
    nodes: readonly CategoryNode[],
    prefix: string,
    parent: FlatCategory | null,
  ): void => {
    for (const n of nodes) {
      const code = prefix ? `${prefix}.${n.code}` : n.code;
      const flat: FlatCategory = {
        code,
        top: (parent?.top ?? n.code) as TopLevelCategory,
        depth: parent ? parent.depth + 1 : 0,
        zh: n.zh,
        en: n.en,
        pathZh: [...(parent?.pathZh ?? []), n.zh],
        pathEn: [...(parent?.pathEn ?? []), n.en],
        defaultLevel: n.defaultLevel ?? parent?.defaultLevel ?? 3,
        leaf: !n.children?.length,
      };
      out.push(flat);
      if (n.children) walk(n.children, code, flat);
    }
  };
  walk(tree, '', null);
  return out;
}

const BY_CODE = new Map(flattenTaxonomy().map((c) => [c.code, c]));

/** The node for a dotted code, or undefined when the taxonomy has no such node. */
export function findCategory(code: string): FlatCategory | undefined {
  return BY_CODE.get(code);
}

/** True for any known node (top level, branch or leaf). */
export function isKnownCategory(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * The top-level code of a stored category value. Rows written before the taxonomy (demo data,
 * imports) hold a bare top-level code already; anything unknown reads as 'other'.
 */
export function topLevelOf(code: string): TopLevelCategory {
  return BY_CODE.get(code)?.top ?? 'other';
}
