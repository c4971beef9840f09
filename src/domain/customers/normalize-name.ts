import { findRegionsByName } from '../regions/gb2260';

// Legal-form endings of Chinese company names, longest first so 股份有限公司 wins over 有限公司.
const CN_SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份有限公司',
  '集团有限公司',
  '有限责任公司',
  '有限合伙企业',
  '合伙企业',
  '集团公司',
  '有限公司',
  '有限合伙',
  '公司',
  '集团',
];

// English legal forms as word sequences (after punctuation is split off), longest first.
const EN_SUFFIXES: string[][] = [
  ['co', 'ltd'],
  ['pte', 'ltd'],
  ['l', 'l', 'c'],
  ['company', 'limited'],
  ['limited'],
  ['ltd'],
  ['co'],
  ['company'],
  ['inc'],
  ['incorporated'],
  ['corp'],
  ['corporation'],
  ['llc'],
  ['gmbh'],
  ['plc'],
];

// Bracketed words that qualify the legal form rather than name the company.
const FORM_WORDS = new Set(['集团', '普通合伙', '有限合伙', '特殊普通合伙', 'group']);
// Place qualifiers that are not GB/T 2260 divisions but appear in brackets all the same.
const EXTRA_PLACES = new Set([
  '中国',
  '中国大陆',
  '亚太',
  'china',
  'prc',
  'asia',
  'asiapacific',
  'hongkong',
  'macau',
  'macao',
  'taiwan',
  'shanghai',
  'beijing',
  'shenzhen',
  'guangzhou',
]);

/** True when bracketed text is a place (a division, full or short) or a legal-form qualifier. */
function isQualifier(inner: string): boolean {
  const key = inner.replace(/[\s.,-]+/g, '');
  if (!key) return true;
  return (
    FORM_WORDS.has(key) ||
    EXTRA_PLACES.has(key) ||
    (/^\p{Script=Han}+$/u.test(key) && findRegionsByName(key).length > 0)
  );
}

function stripTrailing(tokens: string[]): string[] {
  const out = [...tokens];
  for (let changed = true; changed && out.length > 1; ) {
    changed = false;
    const suffix = EN_SUFFIXES.find(
      (s) => out.length > s.length && out.slice(-s.length).join(' ') === s.join(' '),
    );
    if (suffix) {
      out.splice(-suffix.length);
      changed = true;
      continue;
    }
    const last = out[out.length - 1] ?? '';
    if (CN_SUFFIXES.includes(last)) {
      out.pop();
      changed = true;
    }
  }
  // Chinese names usually run the legal form into the name (某某科技有限公司), so it is cut off
  // the last token as well. 分公司 marks a branch, a different record from its head office.
  // Repeated until nothing changes (某某集团公司有限公司 → 某某), so that normalising a key
  // again gives the same key.
  for (;;) {
    const last = out[out.length - 1] ?? '';
    const cn = CN_SUFFIXES.find((s) => last.endsWith(s));
    if (!cn || last.length <= cn.length || last.endsWith(`分${cn}`)) break;
    out[out.length - 1] = last.slice(0, -cn.length);
  }
  return out;
}

/**
 * The comparison key of an organisation or person name, for exact-duplicate detection:
 * full-width characters folded to half-width (NFKC), lower case, bracketed place and legal-form
 * qualifiers removed (（上海）, (China), （集团）), legal-form suffixes removed (有限公司,
 * 股份有限公司, Co., Ltd., Inc., GmbH, …), then every space and punctuation mark dropped.
 * Other bracketed words are kept, without the brackets. A leading unbracketed place is kept on
 * purpose: 北京大学 and 南京大学 are different organisations.
 * @example normalizeName('华为技术（深圳）有限公司') // '华为技术'
 * @example normalizeName('ＡＣＭＥ  Trading Co.,Ltd.') // 'acmetrading'
 * @example normalizeName('（上海）某某科技股份有限公司') // '某某科技'
 */
export function normalizeName(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase();
  const unbracketed = folded.replace(
    /[([【〔［]([^()[\]【】〔〕［］]*)[)\]】〕］]/g,
    (_m, inner: string) => (isQualifier(inner) ? ' ' : ` ${inner} `),
  );
  const tokens = unbracketed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const key = stripTrailing(tokens).join('');
  // A name that is nothing but a legal form ("有限公司") keeps its cleaned text rather than
  // collapsing to an empty key that would match every other such name.
  return key || tokens.join('');
}
