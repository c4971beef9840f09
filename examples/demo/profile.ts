import { normalizeName } from '../../src/domain/customers/normalize';
import { resolveRegionParts } from '../../src/domain/regions';
import { type Calendar, officeInstant } from './calendar';
import { CATEGORIES, CHANNELS, INDUSTRIES } from './catalog';
import { companyName, groupName, internalName, personName } from './names';
import { DEMO_OWNERS } from './owners';
import { PLACES } from './places';
import type { Rng } from './rng';
import {
  PAYERS,
  type Payer,
  SEGMENT_MIX,
  SEGMENTS,
  type Segment,
  type SegmentSpec,
} from './segments';
import type { DemoCustomer } from './types';

export type Lifecycle = 'steady' | 'joined' | 'new' | 'silent' | 'churned' | 'prospect';

const AMS_BY_REGION = new Map<string, number[]>();
const SM_BY_REGION = new Map<string, number>();
DEMO_OWNERS.forEach((o, i) => {
  if (o.roleId === 'sales_manager') SM_BY_REGION.set(o.region, i);
  else AMS_BY_REGION.set(o.region, [...(AMS_BY_REGION.get(o.region) ?? []), i]);
});

/** Everything about one customer that drives its facts. */
export interface Profile {
  customer: DemoCustomer;
  segment: Segment;
  spec: SegmentSpec;
  lifecycle: Lifecycle;
  firstDay: number;
  lastDay: number;
  /** Order frequency before calibration (already scaled by the active span). */
  freqWeight: number;
  orderFen: number;
  rushRate: number;
  channel: string;
  favouriteCategory: number;
  termsDays: number;
  monthly: boolean;
  payer: Payer;
  /** Defaulters pay nothing invoiced from this day on. */
  defaultFrom: number;
  complainer: boolean;
  satisfaction: number;
}

export interface ProfileContext {
  cal: Calendar;
  codePrefix: string;
  ownerIds: readonly number[] | undefined;
}

function ownerSlot(rng: Rng, segment: Segment, region: string): number {
  // Always two draws, so whether owners are known does not shift the rest of the stream.
  const r = rng.next();
  const r2 = rng.next();
  if (segment === 'internal') return -1;
  if ((segment === 'micro' || segment === 'individual') && r < 0.35) return -1; // served by the pool
  const sm = SM_BY_REGION.get(region);
  if ((segment === 'large' || segment === 'group') && sm !== undefined && r < 0.3) return sm;
  const ams = AMS_BY_REGION.get(region) ?? [];
  return ams.length ? (ams[Math.floor(r2 * ams.length)] as number) : -1;
}

function lifecycle(rng: Rng, cal: Calendar): { kind: Lifecycle; first: number; last: number } {
  const r = rng.next();
  const horizon = cal.asOf - cal.start;
  if (r < 0.02) return { kind: 'prospect', first: cal.asOf - rng.int(120), last: cal.asOf };
  if (r < 0.1) return { kind: 'new', first: cal.asOf - rng.between(7, 180), last: cal.asOf };
  const first = r < 0.4 ? cal.start + 1 + rng.int(horizon - 30) : cal.start;
  const e = rng.next();
  if (e < 0.13) {
    const last = cal.asOf - rng.between(365, 545); // stopped buying about a year ago
    if (last > first + 30) return { kind: 'silent', first, last };
  } else if (e < 0.2 && cal.asOf - 545 > first + 60) {
    return { kind: 'churned', first, last: rng.between(first + 60, cal.asOf - 545) };
  }
  return { kind: first === cal.start ? 'steady' : 'joined', first, last: cal.asOf };
}

function nameOf(rng: Rng, segment: Segment, place: (typeof PLACES.items)[number]) {
  const industry = INDUSTRIES.pick(rng);
  if (segment === 'individual') return { name: personName(rng), industry: null };
  if (segment === 'internal') return { name: internalName(rng, place), industry: null };
  if (segment === 'group') return { name: groupName(rng, place, industry), industry };
  return { name: companyName(rng, place, industry, segment), industry };
}

/** Draws one customer's profile from its own random stream. */
export function drawProfile(rng: Rng, ctx: ProfileContext, index: number, id: number): Profile {
  const { cal } = ctx;
  const segment = SEGMENT_MIX.pick(rng);
  const s = SEGMENTS[segment];
  const place = PLACES.pick(rng);
  const { name, industry } = nameOf(rng, segment, place);
  const slot = ownerSlot(rng, segment, place.region);
  const life = lifecycle(rng, cal);
  // Pre-2023 customers were created years ago; later ones shortly before their first order.
  const createdDay =
    life.kind === 'steady' ? rng.between(cal.min + 365, cal.start - 1) : life.first - rng.int(45);
  const created = officeInstant(cal, rng, Math.min(createdDay, cal.asOf));
  const groupSize = rng.chance(0.45) ? 'large' : 'medium';
  const size: DemoCustomer['size'] =
    segment === 'group'
      ? groupSize
      : segment === 'individual' || segment === 'internal'
        ? null
        : segment;
  const span = (life.last - life.first + 1) / (cal.asOf - cal.start + 1);
  const payer = PAYERS.pick(rng);
  const complainer = rng.chance(0.06);
  const leaving = life.kind === 'silent' || life.kind === 'churned';
  const mood = 4 + 0.45 * rng.normal() - (complainer ? 0.9 : 0) - (leaving ? 0.5 : 0);
  const rushDraw = rng.next();
  return {
    customer: {
      id,
      code: `${ctx.codePrefix}${String(index + 1).padStart(7, '0')}`,
      name,
      name_key: normalizeName(name),
      type:
        segment === 'individual' || segment === 'group' || segment === 'internal'
          ? segment
          : 'enterprise',
      industry: industry?.name ?? null,
      region: place.region,
      province: place.province,
      city: place.city,
      region_code: cityCode(place.province, place.city),
      size,
      owner_id: slot >= 0 ? (ctx.ownerIds?.[slot] ?? null) : null,
      created_at: created,
      updated_at: created,
      version: 1,
    },
    segment,
    spec: s,
    lifecycle: life.kind,
    firstDay: life.first,
    lastDay: life.last,
    freqWeight: life.kind === 'prospect' ? 0 : s.freq * rng.meanOne(0.4) * span,
    orderFen: s.orderYuan * 100 * rng.meanOne(0.5),
    rushRate: rushDraw < 0.8 ? 0.03 : rushDraw < 0.95 ? 0.12 : 0.3,
    channel: CHANNELS.pick(rng),
    favouriteCategory: CATEGORIES.index(rng),
    termsDays: s.terms.pick(rng),
    monthly: rng.chance(s.monthlyShare),
    payer,
    defaultFrom: cal.asOf - rng.between(30, 540),
    complainer,
    satisfaction: Math.min(4.9, Math.max(1.5, mood)),
  };
}

const cityCodes = new Map<string, string | null>();

/** The GB/T 2260 code of a demo city, looked up once per city. */
function cityCode(province: string | null, city: string | null): string | null {
  const key = `${province}|${city}`;
  let code = cityCodes.get(key);
  if (code === undefined) {
    const r = resolveRegionParts({ province, city });
    code = r.ok ? r.match.code : null;
    cityCodes.set(key, code);
  }
  return code;
}
