import { describe, expect, it } from 'vitest';
import {
  findCategory,
  flattenTaxonomy,
  isKnownCategory,
  TOP_LEVEL_CATEGORIES,
  topLevelOf,
} from '../../src/domain/service/taxonomy';
import {
  createTicketInput,
  idFromReference,
  ticketReference,
} from '../../src/domain/service/ticket.schema';

describe('request taxonomy', () => {
  it('ships the seven request kinds of seed 000 in order', () => {
    const tops = flattenTaxonomy().filter((c) => c.depth === 0);
    expect(tops.map((c) => c.code)).toEqual([...TOP_LEVEL_CATEGORIES]);
    expect(tops.map((c) => c.zh)).toEqual([
      '紧急求助',
      '报修',
      '投诉',
      '咨询',
      '安全事件',
      '灾害事故',
      '其他求助',
    ]);
  });

  it('has unique codes and a multi-level complaint tree from the 95598 table', () => {
    const all = flattenTaxonomy();
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    expect(findCategory('complaint.service_channel.hotline')).toMatchObject({
      top: 'complaint',
      depth: 2,
      pathZh: ['投诉', '服务渠道', '热线电话服务'],
      leaf: true,
      defaultLevel: 3,
    });
    expect(findCategory('complaint.grid_construction')?.leaf).toBe(false);
    expect(all.filter((c) => c.top === 'complaint' && c.depth === 2).length).toBeGreaterThan(10);
  });

  it('accepts any known node and maps old values to their top level', () => {
    expect(isKnownCategory('complaint')).toBe(true);
    expect(isKnownCategory('complaint.metering')).toBe(true);
    expect(isKnownCategory('complaint.metering.nope')).toBe(false);
    expect(topLevelOf('disaster.fire')).toBe('disaster');
    expect(topLevelOf('whatever')).toBe('other');
  });

  it('gives default levels: emergency urgent, consultation lowest', () => {
    expect(findCategory('emergency')?.defaultLevel).toBe(1);
    expect(findCategory('security.theft')?.defaultLevel).toBe(1);
    expect(findCategory('repair.parts')?.defaultLevel).toBe(2);
    expect(findCategory('consultation')?.defaultLevel).toBe(4);
  });
});

describe('ticket input', () => {
  const ok = { customerId: 1, channel: 'phone', category: 'repair', subject: '漏水' };

  it('names the field of every problem', () => {
    const r = createTicketInput.safeParse({ ...ok, channel: 'fax', level: 0, category: 'x.y' });
    expect(r.success).toBe(false);
    const fields = r.error?.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['channel', 'level', 'category']));
    const cat = r.error?.issues.find((i) => i.path[0] === 'category');
    expect(cat?.message).toContain('top-level categories are emergency, repair, complaint');
  });

  it('accepts a valid ticket and refuses unknown fields', () => {
    expect(createTicketInput.safeParse(ok).success).toBe(true);
    expect(createTicketInput.safeParse({ ...ok, colour: 'red' }).success).toBe(false);
  });

  it('builds references from the Beijing date and the id, and reads them back', () => {
    // 2026-11-27 20:00 UTC is already the 28th in Beijing.
    expect(ticketReference(42, '2026-11-27T20:00:00.000Z')).toBe('T2026112800042');
    expect(ticketReference(1234567, '2026-01-01T00:00:00.000Z')).toBe('T202601011234567');
    expect(idFromReference('t2026112800042')).toBe(42);
    expect(idFromReference('X1')).toBeNull();
  });
});
