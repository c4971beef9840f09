import { Weighted } from './rng';

/** Sales regions as Chinese companies usually cut the country. */
export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;
export type Region = (typeof REGIONS)[number];

export interface Place {
  region: Region;
  province: string;
  /** Province without 省/市/自治区, as used inside company names (浙江, 广西). */
  provinceShort: string;
  city: string;
  /** City without 市 (杭州). */
  cityShort: string;
}

type ProvinceRow = [province: string, short: string, region: Region, cities: [string, number][]];

// Real provinces and prefecture-level cities; weights roughly follow how much business a
// national B2B supplier sees there, so 华东 and 华南 dominate and 西北 is thin.
const PROVINCES: ProvinceRow[] = [
  ['上海市', '上海', '华东', [['上海市', 30]]],
  [
    '江苏省',
    '江苏',
    '华东',
    [
      ['南京市', 10],
      ['苏州市', 14],
      ['无锡市', 8],
      ['常州市', 5],
      ['南通市', 5],
      ['徐州市', 4],
    ],
  ],
  [
    '浙江省',
    '浙江',
    '华东',
    [
      ['杭州市', 12],
      ['宁波市', 9],
      ['温州市', 6],
      ['绍兴市', 4],
      ['嘉兴市', 4],
      ['台州市', 4],
      ['金华市', 4],
    ],
  ],
  [
    '安徽省',
    '安徽',
    '华东',
    [
      ['合肥市', 7],
      ['芜湖市', 3],
    ],
  ],
  [
    '福建省',
    '福建',
    '华东',
    [
      ['福州市', 5],
      ['厦门市', 5],
      ['泉州市', 5],
    ],
  ],
  [
    '江西省',
    '江西',
    '华东',
    [
      ['南昌市', 4],
      ['赣州市', 2],
    ],
  ],
  [
    '山东省',
    '山东',
    '华东',
    [
      ['济南市', 6],
      ['青岛市', 8],
      ['烟台市', 4],
      ['潍坊市', 4],
      ['临沂市', 3],
    ],
  ],
  [
    '广东省',
    '广东',
    '华南',
    [
      ['广州市', 18],
      ['深圳市', 22],
      ['东莞市', 10],
      ['佛山市', 10],
      ['中山市', 4],
      ['珠海市', 3],
      ['惠州市', 4],
    ],
  ],
  [
    '广西壮族自治区',
    '广西',
    '华南',
    [
      ['南宁市', 4],
      ['柳州市', 2],
    ],
  ],
  ['海南省', '海南', '华南', [['海口市', 2]]],
  ['北京市', '北京', '华北', [['北京市', 20]]],
  ['天津市', '天津', '华北', [['天津市', 8]]],
  [
    '河北省',
    '河北',
    '华北',
    [
      ['石家庄市', 4],
      ['唐山市', 4],
      ['保定市', 3],
    ],
  ],
  ['山西省', '山西', '华北', [['太原市', 4]]],
  [
    '内蒙古自治区',
    '内蒙古',
    '华北',
    [
      ['呼和浩特市', 2],
      ['包头市', 2],
    ],
  ],
  [
    '河南省',
    '河南',
    '华中',
    [
      ['郑州市', 8],
      ['洛阳市', 3],
    ],
  ],
  [
    '湖北省',
    '湖北',
    '华中',
    [
      ['武汉市', 10],
      ['宜昌市', 2],
      ['襄阳市', 2],
    ],
  ],
  [
    '湖南省',
    '湖南',
    '华中',
    [
      ['长沙市', 8],
      ['株洲市', 2],
    ],
  ],
  ['重庆市', '重庆', '西南', [['重庆市', 10]]],
  [
    '四川省',
    '四川',
    '西南',
    [
      ['成都市', 12],
      ['绵阳市', 2],
    ],
  ],
  ['贵州省', '贵州', '西南', [['贵阳市', 3]]],
  ['云南省', '云南', '西南', [['昆明市', 4]]],
  ['西藏自治区', '西藏', '西南', [['拉萨市', 0.5]]],
  [
    '陕西省',
    '陕西',
    '西北',
    [
      ['西安市', 8],
      ['宝鸡市', 1.5],
    ],
  ],
  ['甘肃省', '甘肃', '西北', [['兰州市', 2]]],
  ['青海省', '青海', '西北', [['西宁市', 1]]],
  ['宁夏回族自治区', '宁夏', '西北', [['银川市', 1]]],
  ['新疆维吾尔自治区', '新疆', '西北', [['乌鲁木齐市', 2]]],
  [
    '辽宁省',
    '辽宁',
    '东北',
    [
      ['沈阳市', 5],
      ['大连市', 5],
    ],
  ],
  [
    '吉林省',
    '吉林',
    '东北',
    [
      ['长春市', 4],
      ['吉林市', 1],
    ],
  ],
  [
    '黑龙江省',
    '黑龙江',
    '东北',
    [
      ['哈尔滨市', 4],
      ['大庆市', 1],
    ],
  ],
];

/** Every city with its province and region, weighted by business volume. */
export const PLACES = new Weighted<Place>(
  PROVINCES.flatMap(([province, provinceShort, region, cities]) =>
    cities.map(
      ([city, weight]) =>
        [
          { region, province, provinceShort, city, cityShort: city.replace(/市$/, '') },
          weight,
        ] as const,
    ),
  ),
);
