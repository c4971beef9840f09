import type { RegionLevel } from './gb2260';

/**
 * Province-level short names are conventional, not derivable by rule (内蒙古自治区 → 内蒙古,
 * 广西壮族自治区 → 广西), so they are listed.
 */
const PROVINCE_SHORT: Record<string, string> = {
  内蒙古自治区: '内蒙古',
  广西壮族自治区: '广西',
  西藏自治区: '西藏',
  宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆',
  香港特别行政区: '香港',
  澳门特别行政区: '澳门',
};

// Longest first, so 自治县 wins over 县.
const SUFFIXES = [
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '林区',
  '特区',
  '省',
  '市',
  '盟',
  '县',
  '区',
  '旗',
];

// Ethnic names that autonomous prefectures and counties carry between place and suffix
// (恩施土家族苗族自治州 → 恩施). Some official names drop the 族 (伊犁哈萨克自治州), so that form
// is stripped too, but only for names of two or more characters: a lone 白 or 水 without 族 is
// more likely part of the place name.
const ETHNIC = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 ' +
  '水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 ' +
  '乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

function stripEthnic(s: string): string {
  let out = s;
  for (;;) {
    const hit = ETHNIC.find((e) => out.endsWith(`${e}族`) || (e.length > 1 && out.endsWith(e)));
    if (!hit) return out;
    const cut = out.endsWith(`${hit}族`) ? hit.length + 1 : hit.length;
    // A place name keeps at least two characters: 鄂温克族自治旗 becomes 鄂温克, not empty.
    if (out.length - cut < 2) return out.endsWith('族') ? out.slice(0, -1) : out;
    out = out.slice(0, -cut);
  }
}

/**
 * The short name people write for a division: 广东省 → 广东, 深圳市 → 深圳, 南山区 → 南山,
 * 延边朝鲜族自治州 → 延边. Returns the name unchanged when stripping would leave fewer than two
 * characters (东区 stays 东区).
 * @example shortRegionName('新疆维吾尔自治区') // '新疆'
 */
export function shortRegionName(name: string): string {
  const listed = PROVINCE_SHORT[name];
  if (listed) return listed;
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    let short = name.slice(0, -suffix.length);
    if (suffix.startsWith('自治')) short = stripEthnic(short);
    // 金林区: the longer suffix 林区 would leave one character, so 区 is tried next.
    if (short.length >= 2) return short;
  }
  return name;
}

/**
 * Every spelling a division is looked up by: the official name, the short name, and for
 * autonomous prefectures the colloquial "short + 州" (恩施州).
 */
export function regionAliases(name: string, level: RegionLevel): string[] {
  const out = new Set([name]);
  const short = shortRegionName(name);
  out.add(short);
  if (level === 2 && name.endsWith('自治州')) out.add(`${short}州`);
  // Placeholder groups (省直辖县级行政区划) are never written by people; index the full name only.
  if (name.includes('直辖')) return [name];
  return [...out];
}
