import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getImportJob } from '../../api/imports';

/** How often a running import is asked for its progress. */
const POLL_MS = 500;

export const IMPORT_RUNS_KEY = ['import-runs'] as const;

/**
 * Follows an import job until it is done or failed. When it ends, the run history (and, after a
 * commit, everything that shows customers) is refreshed.
 */
export function useImportJob(jobId: string | undefined, commits: boolean) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => getImportJob(jobId ?? ''),
    enabled: jobId !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? POLL_MS : false),
    // A finished job never changes again.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const status = query.data?.status;
  useEffect(() => {
    if (status === undefined || status === 'running') return;
    void queryClient.invalidateQueries({ queryKey: IMPORT_RUNS_KEY });
    if (commits && status === 'done') {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['tags'] });
    }
  }, [status, commits, queryClient]);
  return query;
}
