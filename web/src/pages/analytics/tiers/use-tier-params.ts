import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ComparisonQuery, DistributionBy } from '../../../api/analytics-tiers';

export type TierView = 'distribution' | 'migration';
export type TierMeasure = 'customers' | 'revenue';

/** The page's own settings, kept in the address bar beside the shared filters. */
export interface TierParams extends ComparisonQuery {
  view: TierView;
  by: DistributionBy;
  measure: TierMeasure;
  share: boolean;
  /** Show the newest unpublished run as the last point of the distribution. */
  draft: boolean;
}

const KEYS = [
  'view',
  'by',
  'measure',
  'share',
  'draft',
  'compare',
  'beforeRunId',
  'afterRunId',
  'beforeDate',
  'afterDate',
] as const;
/** The comparison parameters: a new scheme clears them (its runs are others). */
export const COMPARISON_KEYS = [
  'compare',
  'beforeRunId',
  'afterRunId',
  'beforeDate',
  'afterDate',
] as const;

/** Reads and sets the page's settings; `set` changes several in one step (undefined clears). */
export function useTierParams() {
  const [params, setParams] = useSearchParams();
  const value = useMemo<TierParams>(() => {
    const get = (k: string) => params.get(k) ?? undefined;
    const compare = get('compare');
    return {
      view: get('view') === 'migration' ? 'migration' : 'distribution',
      by: get('by') === 'month' ? 'month' : 'publication',
      measure: get('measure') === 'revenue' ? 'revenue' : 'customers',
      share: get('share') === '1',
      draft: get('draft') !== '0',
      ...(compare === 'runs' || compare === 'dates' || compare === 'previous' ? { compare } : {}),
      ...Object.fromEntries(
        (['beforeRunId', 'afterRunId', 'beforeDate', 'afterDate'] as const).flatMap((k) =>
          get(k) ? [[k, get(k)]] : [],
        ),
      ),
    };
  }, [params]);
  const set = useCallback(
    (patch: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { params: value, set, keys: KEYS };
}
