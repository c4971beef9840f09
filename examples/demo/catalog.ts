import { Weighted } from './rng';

export interface Industry {
  name: string;
  /** Words that appear in company names of this industry (机械制造, 精密机械 …). */
  words: readonly string[];
}

/** Industries of the demo customers, weighted by how common they are among buyers. */
export const INDUSTRIES = new Weighted<Industry>([
  [{ name: '机械制造', words: ['机械制造', '机械设备', '精密机械', '重工机械', '机电设备'] }, 14],
  [{ name: '电子电器', words: ['电子科技', '电器', '电子元件', '光电科技'] }, 10],
  [{ name: '化工材料', words: ['化工', '新材料', '精细化工', '塑胶'] }, 8],
  [{ name: '建筑建材', words: ['建材', '建设工程', '装饰材料', '钢结构'] }, 8],
  [{ name: '汽车零部件', words: ['汽车零部件', '汽配', '汽车部件'] }, 7],
  [{ name: '食品饮料', words: ['食品', '饮品', '粮油'] }, 6],
  [{ name: '纺织服装', words: ['纺织', '服饰', '制衣'] }, 6],
  [{ name: '医药医疗', words: ['医药', '医疗器械', '生物科技'] }, 5],
  [{ name: '物流运输', words: ['物流', '供应链管理', '运输'] }, 5],
  [{ name: '批发零售', words: ['贸易', '商贸', '实业'] }, 10],
  [{ name: '信息技术', words: ['信息技术', '软件', '网络科技', '智能科技'] }, 6],
  [{ name: '能源电力', words: ['能源', '电力设备', '新能源科技'] }, 5],
  [{ name: '农林牧渔', words: ['农业科技', '农产品', '生态农业'] }, 3],
  [{ name: '家具家居', words: ['家具', '家居用品'] }, 4],
  [{ name: '印刷包装', words: ['包装', '印务', '包装材料'] }, 3],
]);

export interface ProductCategory {
  name: string;
  /** Typical gross margin in basis points (1/100 of a percent), before customer discounts. */
  marginBp: number;
  /** Typical order size relative to the customer's usual order. */
  sizeFactor: number;
}

/** What the supplier sells. */
export const CATEGORIES = new Weighted<ProductCategory>([
  [{ name: '标准件', marginBp: 1400, sizeFactor: 1 }, 30],
  [{ name: '定制件', marginBp: 3000, sizeFactor: 1.5 }, 15],
  [{ name: '整机设备', marginBp: 2200, sizeFactor: 3 }, 10],
  [{ name: '备品备件', marginBp: 3800, sizeFactor: 0.7 }, 20],
  [{ name: '耗材', marginBp: 2400, sizeFactor: 0.5 }, 20],
  [{ name: '技术服务', marginBp: 5500, sizeFactor: 0.6 }, 5],
]);

/** Sales channels; each customer has a usual one. */
export const CHANNELS = new Weighted<string>([
  ['直销', 45],
  ['经销商', 25],
  ['电商平台', 15],
  ['电话订购', 10],
  ['展会', 5],
]);

/**
 * Ticket categories (the help-request categories of the requirements) with their usual service
 * level (1 urgent … 4 consultation) and typical subjects.
 */
export interface TicketKind {
  category: string;
  levels: Weighted<number>;
  subjects: readonly string[];
}

export const TICKET_KINDS = new Weighted<TicketKind>([
  [
    {
      category: 'consultation',
      levels: new Weighted([
        [4, 80],
        [3, 20],
      ]),
      subjects: [
        '产品选型咨询',
        '价格政策咨询',
        '账期与结算方式咨询',
        '交货周期咨询',
        '技术参数咨询',
      ],
    },
    35,
  ],
  [
    {
      category: 'repair',
      levels: new Weighted([
        [2, 40],
        [3, 60],
      ]),
      subjects: ['设备故障报修', '零件磨损更换', '安装调试申请', '设备异响检修', '控制系统报警'],
    },
    25,
  ],
  [
    {
      category: 'complaint',
      levels: new Weighted([
        [2, 30],
        [3, 70],
      ]),
      subjects: ['交货延迟投诉', '产品质量投诉', '发票开具错误', '服务态度投诉', '包装破损投诉'],
    },
    15,
  ],
  [
    {
      category: 'emergency',
      levels: new Weighted([
        [1, 75],
        [2, 25],
      ]),
      subjects: ['生产线停机紧急求助', '关键设备宕机', '急需备件支援'],
    },
    5,
  ],
  [
    {
      category: 'security',
      levels: new Weighted([
        [1, 60],
        [2, 40],
      ]),
      subjects: ['设备安全隐患报告', '账户异常登录', '危化品泄漏风险'],
    },
    2,
  ],
  [
    {
      category: 'disaster',
      levels: new Weighted([
        [1, 70],
        [2, 30],
      ]),
      subjects: ['暴雨导致设备受损', '台风影响物流', '火灾后设备检测'],
    },
    1,
  ],
  [
    {
      category: 'other',
      levels: new Weighted([
        [3, 40],
        [4, 60],
      ]),
      subjects: ['资料索取', '合同副本申请', '对账单核对', '联系人变更'],
    },
    17,
  ],
]);

/** Survey comments by score (index 0 = score 1). */
export const SURVEY_COMMENTS: readonly (readonly string[])[] = [
  ['交货严重延迟，影响生产', '质量问题反复出现，考虑更换供应商', '投诉后一直没人跟进'],
  ['响应速度太慢', '价格偏高，服务一般', '发票经常出错'],
  ['整体还行，物流可以再快些', '产品稳定，服务中规中矩', '希望账期更灵活'],
  ['服务及时，比较满意', '客户经理很专业', '产品质量稳定'],
  ['非常满意，会继续合作', '响应迅速，问题当天解决', '技术支持很到位，推荐给同行'],
];
