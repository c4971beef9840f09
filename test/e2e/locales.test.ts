import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../web/src/locales';

/** Every leaf of a nested message file as [dotted key, value]. */
function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI message files', () => {
  const zh = new Map(leaves(zhCN));
  const enMap = new Map(leaves(en));

  it('keep each capability under its own top-level key, so no file overrides another', () => {
    const dir = new URL('../../web/src/locales/', import.meta.url);
    const seen = new Map<string, string>();
    const files = readdirSync(dir).filter((f) => f === 'zh-CN.json' || f.endsWith('.zh-CN.json'));
    for (const file of files) {
      const keys = Object.keys(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
      for (const k of keys) {
        expect(seen.get(k), `${file}: ${k}`).toBeUndefined();
        seen.set(k, file);
      }
    }
  });

  it('have the same keys in Chinese and English', () => {
    expect([...enMap.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty or non-text messages', () => {
    for (const [file, map] of [
      ['zh-CN', zh],
      ['en', enMap],
    ] as const) {
      for (const [key, value] of map) {
        expect(typeof value, `${file}: ${key}`).toBe('string');
        expect((value as string).trim(), `${file}: ${key}`).not.toBe('');
      }
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, value] of zh) {
      expect(placeholders(String(enMap.get(key))), key).toEqual(placeholders(String(value)));
    }
  });
});
