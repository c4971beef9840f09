import {
  findRegionsByName,
  MAX_REGION_NAME_LENGTH,
  type Region,
  regionByCode,
  regionPath,
} from './gb2260';

/** A division resolved to its province / city / district chain. */
export interface RegionMatch {
  /** Code of the most specific division matched. */
  code: string;
  province: Region | null;
  /** Prefecture-level city; null for municipalities' districts and province-managed counties. */
  city: Region | null;
  /** County-level division; null when the match stops at city or province level. */
  district: Region | null;
  /** Text left after the division names (a street address), trimmed. */
  rest: string;
}

export type ResolveRegionResult =
  | { ok: true; match: RegionMatch }
  | { ok: false; reason: 'not-found' | 'ambiguous'; candidates: RegionMatch[] };

/** Builds the province/city/district chain for a code; placeholder groups are skipped. */
export function matchForCode(code: string, rest = ''): RegionMatch {
  const path = regionPath(code);
  const at = (level: number) => path.find((r) => r.level === level && !r.name.includes('直辖'));
  return {
    code,
    province: at(1) ?? null,
    city: at(2) ?? null,
    district: at(3) ?? null,
    rest: rest.trim(),
  };
}

interface Step {
  pos: number;
  region: Region | null;
  score: number;
}

/** Every name (full or short) that starts `text` at `pos` and lies strictly below `scope`. */
function namesAt(
  text: string,
  pos: number,
  scope: Region | null,
): { region: Region; len: number }[] {
  const out: { region: Region; len: number }[] = [];
  const max = Math.min(MAX_REGION_NAME_LENGTH, text.length - pos);
  for (let len = max; len >= 2; len--) {
    for (const region of findRegionsByName(text.slice(pos, pos + len))) {
      const inside = scope === null || isStrictlyBelow(region, scope);
      // "北京市北京市朝阳区": a repeated municipality name is consumed without descending.
      const repeat = scope !== null && region.code === scope.code;
      if (inside || repeat) out.push({ region, len });
    }
  }
  return out;
}

function isStrictlyBelow(region: Region, scope: Region): boolean {
  return region.level > scope.level && regionPath(region.code).some((r) => r.code === scope.code);
}

/**
 * Finds the administrative division at the start of free text such as "广东省深圳市南山区科技园"
 * or "深圳南山区". Names may be full or short and levels may be skipped ("广东南山区"); whatever
 * follows the last name is returned as `rest`. When the text fits several divisions equally well
 * ("朝阳区" alone), the result is `ambiguous` with the candidates.
 * @example resolveRegionText('广东省深圳市南山区科技园') // ok, code '440305', rest '科技园'
 */
export function resolveRegionText(text: string): ResolveRegionResult {
  const clean = text.normalize('NFKC').replace(/\s+/g, '');
  const finals: Step[] = [];
  const walk = (step: Step, depth: number) => {
    const next = depth < 4 ? namesAt(clean, step.pos, step.region) : [];
    if (next.length === 0 && step.region) finals.push(step);
    for (const n of next) {
      const descended = n.region.code !== step.region?.code;
      // Consuming more text scores higher; each real level adds a little so that "南山区" under
      // 深圳 beats a bare "南山" that leaves "区" unconsumed.
      const score = step.score + n.len * 10 + (descended ? 1 : 0);
      walk({ pos: step.pos + n.len, region: n.region, score }, depth + 1);
    }
  };
  walk({ pos: 0, region: null, score: 0 }, 0);
  if (finals.length === 0) return { ok: false, reason: 'not-found', candidates: [] };
  const best = Math.max(...finals.map((f) => f.score));
  const top = new Map<string, RegionMatch>();
  for (const f of finals) {
    if (f.score === best && f.region) {
      top.set(f.region.code, matchForCode(f.region.code, clean.slice(f.pos)));
    }
  }
  const candidates = [...top.values()];
  if (candidates.length === 1) return { ok: true, match: candidates[0]! };
  return { ok: false, reason: 'ambiguous', candidates };
}

/** Looks a part up by code (six digits) or by name inside the given scope. */
export function findPart(part: string, scope: Region | null): Region[] {
  const trimmed = part.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const r = regionByCode(trimmed);
    return r && (!scope || r.code === scope.code || isStrictlyBelow(r, scope)) ? [r] : [];
  }
  return findRegionsByName(trimmed).filter(
    (r) => !scope || r.code === scope.code || isStrictlyBelow(r, scope),
  );
}
