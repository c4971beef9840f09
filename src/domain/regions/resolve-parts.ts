import type { FieldIssue } from '../errors';
import { type Region, regionPath } from './gb2260';
import { findPart, matchForCode, type RegionMatch } from './resolve';

/** Separate province / city / district cells, as import files and forms carry them. */
export interface RegionParts {
  province?: string | null;
  city?: string | null;
  district?: string | null;
}

export type ResolvePartsResult =
  | { ok: true; match: RegionMatch }
  | { ok: false; issues: FieldIssue[] };

const LABEL = { province: 'province', city: 'city', district: 'district' } as const;

function describe(r: Region): string {
  return regionPath(r.code)
    .filter((p) => !p.name.includes('直辖'))
    .map((p) => p.name)
    .join('');
}

/**
 * Resolves separate province, city and district names (full, short, or six-digit codes) to one
 * division, each part inside the one before it. Empty parts are skipped, so a city alone works
 * when it is unique. A municipality may repeat as its own city (北京市 / 北京市 / 朝阳区), and a
 * province-managed county-level city (湖北省 / 仙桃市) is accepted as the city. Each failure is a
 * FieldIssue naming the part: not found, or ambiguous with the candidates listed.
 * @example resolveRegionParts({ province: '广东', city: '深圳市', district: '南山区' })
 *   // { ok: true, match: { code: '440305', … } }
 */
export function resolveRegionParts(parts: RegionParts, row?: number): ResolvePartsResult {
  let scope: Region | null = null;
  for (const key of ['province', 'city', 'district'] as const) {
    const value = parts[key]?.trim();
    if (!value) continue;
    const found = findPart(value, scope);
    // A city cell may repeat a municipality (北京市 / 北京市). When a name matches both the scope
    // and a division below it (吉林省 / 吉林 → 吉林市), the division below is what was meant.
    const below = found.filter((r) => r.code !== scope?.code);
    const pick = below.length > 0 ? below : found;
    const where = scope ? ` in ${describe(scope)}` : '';
    const issue = (message: string, expected: string): ResolvePartsResult => ({
      ok: false,
      issues: [{ field: LABEL[key], message, value, expected, ...(row ? { row } : {}) }],
    });
    if (pick.length === 0) {
      return issue(
        `${LABEL[key]} "${value}" is not a known division${where}`,
        'a GB/T 2260 division name or code',
      );
    }
    if (pick.length > 1) {
      return issue(
        `${LABEL[key]} "${value}" is ambiguous${where}: ${pick.map(describe).join(', ')}`,
        'a province or city that narrows it to one',
      );
    }
    scope = pick[0]!;
  }
  if (!scope) {
    return {
      ok: false,
      issues: [
        {
          field: 'province',
          message: 'no region given',
          expected: 'province, city or district',
          ...(row ? { row } : {}),
        },
      ],
    };
  }
  return { ok: true, match: matchForCode(scope.code) };
}
