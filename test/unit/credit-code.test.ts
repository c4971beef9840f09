import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  organizationCodeCheckChar,
  validateCreditCode,
} from '../../src/domain/customers/credit-code';

// Codes published in public material: the GB 32100 worked example quoted by most validators,
// codes used as valid cases in the tests of a widely used Java utility library (hutool), and
// real Xiamen-registered codes listed by a public validator project. Each passes both the
// GB 11714 organisation-code check and the final check, which a mistyped code does with a
// chance of about 1 in 341.
const PUBLISHED_VALID = [
  '91350100M000100Y43',
  '91310110666007217T',
  '91310115591693856A',
  '91350200776049653A',
  '91350500798359476R',
  '91350503MA31DKY80A',
  '91440101MA5CJQ4N59',
  '913502000728319549',
  '123502001549897397',
  '9135021359498494XQ',
  '91350213678251743X',
];

// Issued in 2015 pilot regions before the standard settled; the same library's tests assert
// they fail the check character, and so does this validator.
const PILOT_ERA_NONCONFORMING = ['91350211M00013FA1N', '91350203M0001QAY9B'];

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const digit = fc.constantFrom(...'0123456789');

/** A structurally valid 17-character body: digits for the region, a checked organisation code. */
const body17 = fc
  .tuple(
    fc.array(alphabetChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(alphabetChar, { minLength: 8, maxLength: 8 }),
  )
  .map(([head, region, org]) => {
    const org8 = org.join('');
    return `${head.join('')}${region.join('')}${org8}${organizationCodeCheckChar(org8)}`;
  });

describe('validateCreditCode', () => {
  it.each(PUBLISHED_VALID)('accepts the published code %s', (code) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: true });
  });

  it('splits a valid code into its parts', () => {
    const r = validateCreditCode(' 91350100m000100y43 ');
    expect(r).toEqual({
      ok: true,
      parts: {
        code: '91350100M000100Y43',
        authorityCode: '9',
        authority: '市场监管',
        orgTypeCode: '1',
        orgType: '企业',
        regionCode: '350100',
        organizationCode: 'M000100Y4',
      },
    });
  });

  it.each(PILOT_ERA_NONCONFORMING)('reports %s as a wrong check character', (code) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: false, reason: 'check' });
  });

  it('names the precise problem', () => {
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({
      ok: false,
      reason: 'length',
      message: 'a unified social credit code has 18 characters, this one has 17',
    });
    expect(validateCreditCode('91350100M0001O0Y43')).toMatchObject({
      ok: false,
      reason: 'character',
      position: 14,
    });
    expect(validateCreditCode('913501A0M000100Y43')).toMatchObject({
      ok: false,
      reason: 'region',
      position: 7,
    });
    expect(validateCreditCode('91350100M000100Y53')).toMatchObject({
      ok: false,
      reason: 'organization-check',
      expected: '4',
    });
    const wrong = validateCreditCode('91350100M000100Y44');
    expect(wrong).toMatchObject({ ok: false, reason: 'check', position: 18, expected: '3' });
    expect(wrong.ok ? '' : wrong.message).toBe('wrong check character: expected 3, found 4');
  });

  it('computes the check characters of the worked example', () => {
    expect(organizationCodeCheckChar('M000100Y')).toBe('4');
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('accepts every body with its computed check character appended', () => {
    fc.assert(
      fc.property(body17, (body) => {
        expect(validateCreditCode(body + creditCodeCheckChar(body)).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects every single-character change', () => {
    fc.assert(
      fc.property(body17, fc.nat(17), alphabetChar, (body, pos, replacement) => {
        const code = body + creditCodeCheckChar(body);
        fc.pre(code[pos] !== replacement);
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(validateCreditCode(changed).ok).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('detects a change to any character outside the alphabet too', () => {
    fc.assert(
      fc.property(
        body17,
        fc.nat(17),
        fc.constantFrom('I', 'O', 'S', 'V', 'Z', '-', ' '),
        (body, pos, bad) => {
          const code = body + creditCodeCheckChar(body);
          const changed = code.slice(0, pos) + bad + code.slice(pos + 1);
          const r = validateCreditCode(changed);
          expect(r.ok).toBe(false);
        },
      ),
    );
  });
});
