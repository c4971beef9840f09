import type { Industry } from './catalog';
import type { Place } from './places';
import type { Rng } from './rng';

// Trade names (字号) are two characters; combining two lists gives ~2,000 of them, so with
// cities and industry words a million names rarely repeat (and, as in real data, sometimes do).
const BRAND_FIRST = [
  ...'恒华宏鼎金永瑞德中天盛兴泰鑫嘉隆昌建海新东安博晨创达丰光国汇佳凯力联明诚荣顺通万伟祥信亚益远正志卓长',
];
const BRAND_SECOND = [
  ...'瑞达鑫泰源丰盛昌兴华宇通润发利诚和成远新辉科晟邦宏茂祥康恒锦航锐峰创力信海安益',
];

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '建国',
  '志强',
  '海燕',
  '文',
  '斌',
  '浩',
  '宇',
  '晨',
  '欣',
  '婷',
  '鹏',
  '辉',
  '国庆',
  '红梅',
  '玉兰',
  '晓东',
  '春生',
];

const INTERNAL_UNITS = ['销售中心', '生产基地', '研发中心', '售后服务部', '物流中心', '采购部'];

function brand(rng: Rng): string {
  const a = rng.pick(BRAND_FIRST);
  let b = rng.pick(BRAND_SECOND);
  if (b === a) b = '达';
  return a + b;
}

/** A company name such as 杭州恒瑞机械制造有限公司 or 恒瑞精密机械（苏州）有限公司. */
export function companyName(rng: Rng, place: Place, industry: Industry, size: string): string {
  const b = brand(rng);
  const word = rng.pick(industry.words);
  const r = rng.next();
  let suffix = '有限公司';
  const s = rng.next();
  if (size === 'large') suffix = s < 0.45 ? '股份有限公司' : '有限公司';
  else if (size === 'micro') suffix = s < 0.15 ? '经营部' : s < 0.25 ? '商行' : '有限公司';
  else if (s < 0.2) suffix = '有限责任公司';
  else if (s < 0.28 && industry.name !== '批发零售') suffix = '厂';
  if (r < 0.7) return `${place.cityShort}${b}${word}${suffix}`;
  if (r < 0.85 && suffix.endsWith('公司')) return `${b}${word}（${place.cityShort}）${suffix}`;
  return `${place.provinceShort}${b}${word}${suffix}`;
}

/** A group name such as 鼎盛控股集团有限公司 or 浙江华鑫能源集团有限公司. */
export function groupName(rng: Rng, place: Place, industry: Industry): string {
  const b = brand(rng);
  const r = rng.next();
  if (r < 0.4) return `${b}控股集团有限公司`;
  if (r < 0.75) return `${place.provinceShort}${b}${rng.pick(industry.words)}集团有限公司`;
  return `${b}集团股份有限公司`;
}

/** A personal name such as 张建国. */
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

/** An internal customer: another unit of the supplier itself. */
export function internalName(rng: Rng, place: Place): string {
  return `本公司${place.region}${rng.pick(INTERNAL_UNITS)}（内部）`;
}
