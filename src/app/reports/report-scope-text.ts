import { findSchemeById } from '../../store/tiering/schemes.repository';
import type { CustomerScope } from '../analytics/analytics-filters';
import type { Deps } from '../deps';
import type { Label } from './report-content';

/**
 * The report's filters in words, with the owner's and the scheme's names as they are when the
 * report runs (a report keeps them, so renaming later does not change an old report). Null when
 * every customer counts.
 */
export async function describeScope(deps: Deps, scope: CustomerScope): Promise<Label | null> {
  const zh: string[] = [];
  const en: string[] = [];
  const add = (z: string, e: string, v: string) => {
    zh.push(`${z}：${v}`);
    en.push(`${e}: ${v}`);
  };
  if (scope.region) add('区域', 'Region', scope.region);
  if (scope.industry) add('行业', 'Industry', scope.industry);
  if (scope.type) add('客户类型', 'Segment', scope.type);
  if (scope.ownerId !== undefined) {
    const u = await deps.store.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', scope.ownerId)
      .executeTakeFirst();
    add('客户经理', 'Owner', u?.display_name ?? `#${scope.ownerId}`);
  }
  if (scope.schemeId !== undefined || scope.tier !== undefined) {
    const s =
      scope.schemeId === undefined
        ? undefined
        : await findSchemeById(deps.store.db, scope.schemeId);
    if (scope.schemeId !== undefined) {
      zh.push(`方案：${s?.nameZh ?? `#${scope.schemeId}`}`);
      en.push(`Scheme: ${s?.nameEn ?? `#${scope.schemeId}`}`);
    }
    if (scope.tier !== undefined) add('级别', 'Tier', scope.tier);
  }
  return zh.length ? { zh: zh.join('；'), en: en.join('; ') } : null;
}
