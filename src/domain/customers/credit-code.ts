/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z):
 *
 *   position 1      registration authority (登记管理部门), e.g. 9 = market regulation
 *   position 2      organisation type within that authority, e.g. 91 = enterprise
 *   positions 3–8   GB/T 2260 region code of the registering authority
 *   positions 9–17  organisation code (GB 11714), whose 9th character is its own check
 *   position 18     check character over positions 1–17 (weights 3^i mod 31, modulus 31)
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Registration authorities and organisation types named in GB 32100-2015 and its notices. */
const AUTHORITIES: Record<string, { name: string; types: Record<string, string> }> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    name: '民政',
    types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    name: '旅游',
    types: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '市场监管', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业农村',
    types: {
      '1': '组级集体经济组织',
      '2': '村级集体经济组织',
      '3': '乡镇级集体经济组织',
      '9': '其他',
    },
  },
  Y: { name: '其他', types: { '1': '其他' } },
};

/** The parts of a valid code. */
export interface CreditCodeParts {
  code: string;
  authorityCode: string;
  /** Authority name when the code is one the standard lists, else undefined. */
  authority?: string;
  orgTypeCode: string;
  orgType?: string;
  /** Six-digit GB/T 2260 code of the registering authority's region. */
  regionCode: string;
  /** Nine-character GB 11714 organisation code, check character included. */
  organizationCode: string;
}

export type CreditCodeReason = 'length' | 'character' | 'region' | 'organization-check' | 'check';

export type CreditCodeResult =
  | { ok: true; parts: CreditCodeParts }
  | { ok: false; reason: CreditCodeReason; message: string; position?: number; expected?: string };

/**
 * The check character (position 18) for a 17-character body of valid characters.
 * @example creditCodeCheckChar('91350100M000100Y4') // '3'
 */
export function creditCodeCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError('a credit code body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(body17[i]!);
    if (v < 0) throw new RangeError(`"${body17[i]}" is not a credit code character`);
    sum += v * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * The GB 11714 check character (0–9 or X) of an eight-character organisation code body, where
 * digits count as themselves and letters A–Z as 10–35.
 * @example organizationCodeCheckChar('M000100Y') // '4'
 */
export function organizationCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError('an organisation code body has 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = Number.parseInt(body8[i]!, 36);
    if (Number.isNaN(v)) {
      throw new RangeError(`"${body8[i]}" is not an organisation code character`);
    }
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * Checks a unified social credit code and says precisely what is wrong: the length, the first
 * bad character and its 1-based position, a non-numeric region, the organisation code's own
 * check character, or the final check character (with the one expected). Surrounding spaces
 * are ignored and lower case is accepted; everything else must be exact.
 *
 * Some codes issued in 2015 pilot regions before the standard was final fail the check
 * character and cannot be told apart from typos; they are reported like any other mismatch.
 * @example validateCreditCode('91350100M000100Y43').ok // true
 * @example validateCreditCode('91350100M000100Y44') // { ok: false, reason: 'check', expected: '3', … }
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const code = input.normalize('NFKC').trim().toUpperCase();
  if (code.length !== 18) {
    return {
      ok: false,
      reason: 'length',
      message: `a unified social credit code has 18 characters, this one has ${code.length}`,
    };
  }
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i]!)) {
      return {
        ok: false,
        reason: 'character',
        position: i + 1,
        message: `character ${i + 1} "${code[i]}" is not allowed (digits and capital letters except I, O, S, V, Z)`,
      };
    }
  }
  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) {
    const position = 3 + [...regionCode].findIndex((c) => !/\d/.test(c));
    return {
      ok: false,
      reason: 'region',
      position,
      message: `characters 3–8 are a region code and must be digits; character ${position} is "${code[position - 1]}"`,
    };
  }
  const organizationCode = code.slice(8, 17);
  const orgCheck = organizationCodeCheckChar(organizationCode.slice(0, 8));
  if (orgCheck !== organizationCode[8]) {
    return {
      ok: false,
      reason: 'organization-check',
      position: 17,
      expected: orgCheck,
      message: `character 17 is the organisation code's check character: expected ${orgCheck}, found ${organizationCode[8]}`,
    };
  }
  const check = creditCodeCheckChar(code.slice(0, 17));
  if (check !== code[17]) {
    return {
      ok: false,
      reason: 'check',
      position: 18,
      expected: check,
      message: `wrong check character: expected ${check}, found ${code[17]}`,
    };
  }
  const authority = AUTHORITIES[code[0]!];
  return {
    ok: true,
    parts: {
      code,
      authorityCode: code[0]!,
      authority: authority?.name,
      orgTypeCode: code[1]!,
      orgType: authority?.types[code[1]!],
      regionCode,
      organizationCode,
    },
  };
}
