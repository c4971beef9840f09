import { regionByCode } from './gb2260';

/**
 * The conventional seven geographic areas of mainland China plus Hong Kong, Macao and Taiwan,
 * as sales organisations commonly split their territories. Ids are stable keys for storage;
 * labels are for display.
 */
export const AREA_GROUPS = [
  { id: 'north', zh: '华北', en: 'North China', provinces: ['11', '12', '13', '14', '15'] },
  { id: 'northeast', zh: '东北', en: 'Northeast China', provinces: ['21', '22', '23'] },
  {
    id: 'east',
    zh: '华东',
    en: 'East China',
    provinces: ['31', '32', '33', '34', '35', '36', '37'],
  },
  { id: 'central', zh: '华中', en: 'Central China', provinces: ['41', '42', '43'] },
  { id: 'south', zh: '华南', en: 'South China', provinces: ['44', '45', '46'] },
  { id: 'southwest', zh: '西南', en: 'Southwest China', provinces: ['50', '51', '52', '53', '54'] },
  { id: 'northwest', zh: '西北', en: 'Northwest China', provinces: ['61', '62', '63', '64', '65'] },
  { id: 'hmt', zh: '港澳台', en: 'Hong Kong, Macao and Taiwan', provinces: ['71', '81', '82'] },
] as const;

export type AreaGroup = (typeof AREA_GROUPS)[number];
export type AreaGroupId = AreaGroup['id'];

/**
 * The area group (华东, 华南, …) a division belongs to, from the province part of its code;
 * undefined for a code that is not in the list.
 * @example areaGroupOf('440305')?.zh // '华南'
 */
export function areaGroupOf(code: string): AreaGroup | undefined {
  if (!regionByCode(code)) return undefined;
  const province = code.slice(0, 2);
  return AREA_GROUPS.find((g) => (g.provinces as readonly string[]).includes(province));
}

/**
 * Province codes (six digits) of one area group, e.g. for a "华东" filter.
 * @example provinceCodesOf('south') // ['440000', '450000', '460000']
 */
export function provinceCodesOf(id: AreaGroupId): string[] {
  const group = AREA_GROUPS.find((g) => g.id === id);
  return group ? group.provinces.map((p) => `${p}0000`) : [];
}
