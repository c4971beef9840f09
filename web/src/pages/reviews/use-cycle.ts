import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CycleDetail, getCycle } from '../../api/reviews';
import { reviewError } from './review-errors';

/** Query key of one cycle. */
export const cycleKey = (id: number) => ['reviews', 'cycle', id] as const;

/** One cycle, loaded and kept fresh. */
export function useCycle(id: number, enabled = true) {
  return useQuery({ queryKey: cycleKey(id), queryFn: () => getCycle(id), enabled });
}

/**
 * A workflow action on a cycle whose answer is the cycle again: the answer replaces the cached
 * cycle and the evaluation form reloads (the step that may edit it has changed).
 */
export function useCycleAction<V>(
  id: number,
  action: (vars: V) => Promise<CycleDetail>,
  done: string,
  onDone?: () => void,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (cycle) => {
      client.setQueryData(cycleKey(id), cycle);
      void client.invalidateQueries({ queryKey: ['reviews', 'cycles'] });
      void client.invalidateQueries({ queryKey: ['reviews', 'proposals', id] });
      message.success(done);
      onDone?.();
    },
    onError: (e) => {
      message.error(reviewError(t, e));
      // The refusal may come from a cycle that moved on elsewhere: show its state now.
      void client.invalidateQueries({ queryKey: cycleKey(id) });
    },
  });
}
