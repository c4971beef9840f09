import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type AnalyticsFilters, FILTER_KEYS } from '../../../api/analytics';

/**
 * The analytics filters kept in the address bar, so a view can be bookmarked and shared and the
 * filters follow the user from one analytics page to the next.
 */
export function useAnalyticsFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: AnalyticsFilters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);

  /** Sets (or clears, with undefined) filters; a new scheme clears the tier. */
  const setFilters = useCallback(
    (patch: Partial<AnalyticsFilters>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          if ('schemeId' in patch && !('tier' in patch)) next.delete('tier');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of FILTER_KEYS) next.delete(k);
        return next;
      },
      { replace: true },
    );
  }, [setParams]);

  return { filters, setFilters, clear };
}
