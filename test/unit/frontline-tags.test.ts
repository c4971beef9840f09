import { describe, expect, it } from 'vitest';
import {
  cardTags,
  deriveTags,
  FRONTLINE_TAGS,
  isElectronicChannel,
  TAG_TEXT,
  type TagFacts,
} from '../../src/domain/policy/frontline-tags';

const base: TagFacts = {
  tier: 'B',
  tierOrder: ['A', 'B', 'C', 'D'],
  complaints12m: 0,
  orderMonths12m: 2,
  channels12m: ['电商平台'],
  keyPersonContact: false,
};

describe('front-line tags', () => {
  it('has a name and an action in both languages for every tag', () => {
    for (const t of FRONTLINE_TAGS) {
      for (const text of [TAG_TEXT[t].name, TAG_TEXT[t].action]) {
        expect(text.zh.length).toBeGreaterThan(1);
        expect(text.en.length).toBeGreaterThan(1);
      }
    }
  });

  it('derives each tag by its rule, and nothing from plain facts', () => {
    expect(deriveTags(base)).toEqual([]);
    expect(deriveTags({ ...base, tier: 'A' })).toEqual(['high_end']);
    expect(deriveTags({ ...base, tier: null })).toEqual([]);
    expect(deriveTags({ ...base, complaints12m: 1 })).toEqual(['complaint_history']);
    expect(deriveTags({ ...base, keyPersonContact: true })).toEqual(['key_person']);
    expect(deriveTags({ ...base, orderMonths12m: 6 })).toEqual(['value_added_potential']);
    expect(deriveTags({ ...base, channels12m: ['直销', '电话订购'] })).toEqual([
      'e_channel_potential',
    ]);
    expect(deriveTags({ ...base, channels12m: ['直销', 'Online shop'] })).toEqual([]);
    // No orders at all: nobody to move to an electronic channel yet.
    expect(deriveTags({ ...base, channels12m: [] })).toEqual([]);
  });

  it('recognises electronic channels in Chinese and English', () => {
    expect(isElectronicChannel('电商平台')).toBe(true);
    expect(isElectronicChannel('微信小程序')).toBe(true);
    expect(isElectronicChannel('EDI')).toBe(true);
    expect(isElectronicChannel('经销商')).toBe(false);
    expect(isElectronicChannel('展会')).toBe(false);
  });

  it('merges stored and derived tags: blacklist first, stored wins, free tags last', () => {
    const tags = cardTags(
      ['vip_2019', 'complaint_history', 'blacklist'],
      ['complaint_history', 'high_end'],
    );
    expect(tags.map((t) => [t.key, t.source])).toEqual([
      ['blacklist', 'stored'],
      ['complaint_history', 'stored'],
      ['high_end', 'derived'],
      ['vip_2019', 'stored'],
    ]);
    expect(tags[3]?.action).toBeNull();
    expect(tags[0]?.action?.zh).toContain('主管');
  });
});
