import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import { validateScheme } from '../../src/domain/scheme/parse-scheme';

const dir = new URL('../../examples/schemes/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const readme = readFileSync(new URL('README.md', dir), 'utf8');

describe('scheme templates in examples/schemes', () => {
  it('has the eleven tier ladders', () => {
    expect(files).toEqual([
      'abc-thresholds.json',
      'abcd.json',
      'group-a1-b2.json',
      'lifecycle.json',
      'nine-grid.json',
      'pareto.json',
      'pyramid.json',
      'rfm.json',
      'star-levels.json',
      'super-gold-silver.json',
      'vip-rules.json',
    ]);
  });

  it.each(files)('%s is a valid scheme in both languages, named after its file', (f) => {
    const doc = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
    const v = validateScheme(doc);
    expect(v.ok ? [] : v.issues).toEqual([]);
    if (!v.ok) return;
    const s = v.scheme;
    expect(s.id).toBe(f.replace(/\.json$/, ''));
    expect(s.name.zh).toMatch(/\S/);
    expect(s.name.en).toMatch(/\S/);
    expect(s.description?.zh).toMatch(/^来源：/);
    expect(s.description?.en).toMatch(/^Source: /);
    for (const t of s.tiers) expect([t.name.zh, t.name.en].every((x) => x.length > 0)).toBe(true);
    expect(() => compileScheme(s)).not.toThrow();
  });

  it.each(files)('%s is listed in the README and has its own test', (f) => {
    expect(readme).toContain(`\`${f}\``);
    const test = new URL(`./templates-${f.replace(/\.json$/, '')}.test.ts`, import.meta.url);
    expect(existsSync(test)).toBe(true);
  });
});
