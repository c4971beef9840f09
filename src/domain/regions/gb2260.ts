import data from './gb2260.gen.json' with { type: 'json' };
import { regionAliases } from './region-names';

/** 1 = province-level, 2 = prefecture-level city, 3 = county-level division. */
export type RegionLevel = 1 | 2 | 3;

/** One GB/T 2260 administrative division. */
export interface Region {
  /** Six-digit GB/T 2260 code, e.g. "440305". */
  readonly code: string;
  /** Official name, e.g. "南山区". */
  readonly name: string;
  readonly level: RegionLevel;
  /** Code of the enclosing division; null for provinces. */
  readonly parentCode: string | null;
}

/** Package, version and licence the shipped code list was generated from. */
export const REGION_DATA_SOURCE = data.source;

const rows = data.regions as [string, string][];
const codes = new Set(rows.map(([code]) => code));
const byCode = new Map<string, Region>();
const children = new Map<string, Region[]>();
const byName = new Map<string, Region[]>();

function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000')) return 1;
  return code.endsWith('00') ? 2 : 3;
}

function parentOf(code: string, level: RegionLevel): string | null {
  if (level === 1) return null;
  const province = `${code.slice(0, 2)}0000`;
  if (level === 2) return province;
  // Districts of municipalities (北京, 上海, 天津, 重庆) and of the SARs have no prefecture
  // level in the published list, so they hang directly under the province.
  const city = `${code.slice(0, 4)}00`;
  return codes.has(city) ? city : province;
}

for (const [code, name] of rows) {
  const level = levelOf(code);
  const region: Region = Object.freeze({ code, name, level, parentCode: parentOf(code, level) });
  byCode.set(code, region);
  if (region.parentCode) {
    const list = children.get(region.parentCode) ?? [];
    list.push(region);
    children.set(region.parentCode, list);
  }
  for (const alias of regionAliases(name, level)) {
    const list = byName.get(alias) ?? [];
    list.push(region);
    byName.set(alias, list);
  }
}

/** Longest alias length, so text scanners know how far ahead to look. */
export const MAX_REGION_NAME_LENGTH = Math.max(...[...byName.keys()].map((k) => k.length));

/**
 * The division with this six-digit code, or undefined.
 * @example regionByCode('440305')?.name // '南山区'
 */
export function regionByCode(code: string): Region | undefined {
  return byCode.get(code.trim());
}

/**
 * Divisions whose official name or short name (suffix such as 省/市/自治区/区/县 removed) equals
 * `name`; several when a name repeats (朝阳区 is in Beijing and in Changchun).
 * @example findRegionsByName('广东').map((r) => r.code) // ['440000']
 * @example findRegionsByName('朝阳区', { parentCode: '110000' })[0]?.code // '110105'
 */
export function findRegionsByName(
  name: string,
  opts: { level?: RegionLevel; parentCode?: string } = {},
): Region[] {
  const key = name.normalize('NFKC').replace(/\s+/g, '');
  const found = byName.get(key) ?? [];
  return found.filter(
    (r) =>
      (opts.level === undefined || r.level === opts.level) &&
      (opts.parentCode === undefined || isWithin(r.code, opts.parentCode)),
  );
}

/**
 * Direct children of a division (cities of a province, districts of a city); empty for none.
 * @example childrenOf('440300').some((r) => r.name === '南山区') // true
 */
export function childrenOf(code: string): Region[] {
  return [...(children.get(code) ?? [])];
}

/** All provinces, autonomous regions, municipalities and SARs, by code. */
export function provinces(): Region[] {
  return [...byCode.values()].filter((r) => r.level === 1);
}

/**
 * True when `code` is `ancestorCode` or lies inside it.
 * @example isWithin('440305', '440000') // true
 */
export function isWithin(code: string, ancestorCode: string): boolean {
  let r = byCode.get(code);
  while (r) {
    if (r.code === ancestorCode) return true;
    r = r.parentCode ? byCode.get(r.parentCode) : undefined;
  }
  return false;
}

/**
 * The chain from province down to the division itself.
 * @example regionPath('440305').map((r) => r.name) // ['广东省', '深圳市', '南山区']
 */
export function regionPath(code: string): Region[] {
  const out: Region[] = [];
  let r = byCode.get(code);
  while (r) {
    out.unshift(r);
    r = r.parentCode ? byCode.get(r.parentCode) : undefined;
  }
  return out;
}
