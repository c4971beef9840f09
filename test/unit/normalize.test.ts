import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nameKeySimilarity,
  nameSimilarity,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  parsePhone,
  SIMILAR_NAME_THRESHOLD,
} from '../../src/domain/customers/normalize';

describe('normalizeName', () => {
  it.each([
    ['华为技术有限公司', '华为技术'],
    ['华为技术（深圳）有限公司', '华为技术'],
    ['（上海）某某科技股份有限公司', '某某科技'],
    ['某某【北京】科技有限公司', '某某科技'],
    ['某某科技有限责任公司', '某某科技'],
    ['某某集团有限公司', '某某'],
    ['华润（集团）有限公司', '华润'],
    ['某某集团公司有限公司', '某某'],
    ['ＡＣＭＥ　Ｔｒａｄｉｎｇ　Ｃｏ．，Ｌｔｄ．', 'acmetrading'],
    ['ACME  Trading Co.,Ltd.', 'acmetrading'],
    ['Acme Trading Co Ltd', 'acmetrading'],
    ['acme-trading limited', 'acmetrading'],
    ['Sony (China) Ltd', 'sony'],
    ['Siemens GmbH', 'siemens'],
    ['Apple Inc.', 'apple'],
    ['Foo Corp.', 'foo'],
    ['Acme L.L.C.', 'acme'],
    ['Acme LLC', 'acme'],
    ['XX合伙企业(普通合伙)', 'xx'],
  ])('%s → %s', (input, key) => {
    expect(normalizeName(input)).toBe(key);
  });

  it('keeps what tells organisations apart', () => {
    // A leading place is part of the name: these are different universities.
    expect(normalizeName('北京大学')).not.toBe(normalizeName('南京大学'));
    // A branch is its own record.
    expect(normalizeName('某某有限公司上海分公司')).not.toBe(normalizeName('某某有限公司'));
    // Bracketed words that are not places or legal forms stay (without the brackets).
    expect(normalizeName('ABC (Holdings) Limited')).toBe('abcholdings');
  });

  it('never reduces a name that is only a legal form to nothing', () => {
    expect(normalizeName('有限公司')).toBe('有限公司');
    expect(normalizeName('Ltd.')).toBe('ltd');
  });

  it('is idempotent, so stored keys can be normalised again safely', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
      }),
    );
    const names = [
      '某某科技有限公司',
      'Acme Co., Ltd.',
      '华润（集团）有限公司',
      'Foo Company Limited',
    ];
    for (const n of names) expect(normalizeName(normalizeName(n))).toBe(normalizeName(n));
  });
});

describe('normalizePhone / parsePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(+86) 138 1234 5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['010-12345678', '010-12345678'],
    ['(010) 1234 5678', '010-12345678'],
    ['+86 10 1234 5678', '010-12345678'],
    ['021 6234 5678', '021-62345678'],
    ['0755-87654321', '0755-87654321'],
    ['075587654321', '0755-87654321'],
    ['62345678', '62345678'],
    ['400-820-8820', '4008208820'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('%s → %s', (input, canonical) => {
    expect(normalizePhone(input)).toBe(canonical);
  });

  it('keeps extensions apart from the number', () => {
    expect(parsePhone('(0755) 8765 4321 转 802')).toEqual({
      kind: 'landline',
      number: '0755-87654321',
      extension: '802',
    });
    expect(parsePhone('010-12345678-8001')).toMatchObject({
      number: '010-12345678',
      extension: '8001',
    });
    expect(parsePhone('138 1234 5678 ext. 12')).toMatchObject({ kind: 'mobile', extension: '12' });
  });

  it('tells mobiles from landlines and rejects what is not a number', () => {
    expect(parsePhone('13812345678')?.kind).toBe('mobile');
    expect(parsePhone('12812345678')).toBeNull(); // 12x is not a mobile prefix
    expect(parsePhone('abc')).toBeNull();
    expect(parsePhone('12345')).toBeNull();
    expect(parsePhone('')).toBeNull();
  });

  it('normalises every written form of a random mobile to the same number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.constantFrom('', '+86', '0086', '86', '+86 '),
        fc.constantFrom(' ', '-', ''),
        (mobile, prefix, sep) => {
          const written = `${prefix}${mobile.slice(0, 3)}${sep}${mobile.slice(3, 7)}${sep}${mobile.slice(7)}`;
          expect(normalizePhone(written)).toBe(mobile);
        },
      ),
    );
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases, nothing more', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normalizeEmail('ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('jane@example.com');
    expect(normalizeEmail('a+tag@gmail.com')).toBe('a+tag@gmail.com');
  });
});

describe('nameSimilarity', () => {
  it('is 1 for names that normalise alike and 0 for nothing shared', () => {
    expect(nameSimilarity('华为技术有限公司', '华为技术（深圳）有限公司')).toBe(1);
    expect(nameSimilarity('华为', '腾讯')).toBe(0);
  });

  it('ranks near-identical names above the duplicate threshold and unrelated ones below', () => {
    expect(
      nameSimilarity('上海某某信息科技有限公司', '上海某某信息技术有限公司'),
    ).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD);
    expect(nameSimilarity('Acme Trading Co., Ltd.', 'Acme Tradings Ltd')).toBeGreaterThanOrEqual(
      SIMILAR_NAME_THRESHOLD,
    );
    expect(nameSimilarity('上海甲乙信息科技有限公司', '上海丙丁信息科技有限公司')).toBeLessThan(
      SIMILAR_NAME_THRESHOLD,
    );
    expect(nameSimilarity('某某科技有限公司', '某某科技发展有限公司')).toBe(0.75);
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBeCloseTo(s, 12);
      }),
    );
  });

  it('agrees with nameKeySimilarity on stored keys', () => {
    const a = '某某科技发展有限公司';
    const b = '某某科技有限公司';
    expect(nameKeySimilarity(normalizeName(a), normalizeName(b))).toBe(nameSimilarity(a, b));
  });
});
