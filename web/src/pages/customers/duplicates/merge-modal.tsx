import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { getCustomer, mergeCustomers } from '../../../api/customers';
import type { DuplicatePair, MergeResult } from '../../../api/types';
import { errorMessage } from '../../../errors';
import { REFERENCE_KEYS, useCustomFieldDefs } from '../../../hooks/use-reference-data';
import { MergeComparison } from './merge-comparison';
import { MergeResultView } from './merge-result';

/**
 * Merges a duplicate pair: compares the two customers as they are now, lets the user pick the
 * survivor, and sends the versions that were compared, so a change in between is refused.
 */
export function MergeModal({ pair, onClose }: { pair: DuplicatePair; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const defs = useCustomFieldDefs();
  const [survivorId, setSurvivorId] = useState(pair.a.id);
  const [result, setResult] = useState<MergeResult>();
  const [a, b] = useQueries({
    queries: [pair.a.id, pair.b.id].map((id) => ({
      queryKey: ['customer', id],
      queryFn: () => getCustomer(id),
      staleTime: 0,
    })),
  });

  const merge = useMutation({
    mutationFn: () => {
      if (!a?.data || !b?.data) throw new Error('customers not loaded');
      const [survivor, merged] = survivorId === a.data.id ? [a.data, b.data] : [b.data, a.data];
      return mergeCustomers({
        survivorId: survivor.id,
        mergedId: merged.id,
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
        reasons: pair.reasons,
      });
    },
    onSuccess: (r) => {
      setResult(r);
      queryClient.setQueryData(['customer', r.survivor.id], r.survivor);
      for (const key of [
        ['duplicates'],
        ['customers'],
        ['customer', r.mergedId],
        REFERENCE_KEYS.tags,
      ]) {
        queryClient.invalidateQueries({ queryKey: key });
      }
    },
    onError: (e) => {
      // Someone merged one of them already: the list is out of date.
      if (e instanceof ApiError && e.code === 'INVALID_STATE') {
        queryClient.invalidateQueries({ queryKey: ['duplicates'] });
      }
    },
  });

  const code = merge.error instanceof ApiError ? merge.error.code : undefined;
  const reload = async () => {
    merge.reset();
    await Promise.all([a?.refetch(), b?.refetch()]);
  };

  const loadError = a?.error ?? b?.error;
  const ready = a?.data && b?.data && defs.data;
  const survivor = a?.data?.id === survivorId ? a?.data : b?.data;
  const merged = a?.data?.id === survivorId ? b?.data : a?.data;

  return (
    <Modal
      open
      width={960}
      title={t('duplicates.mergeTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result ? null : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger
              disabled={!ready || code === 'INVALID_STATE' || code === 'STALE_VERSION'}
              loading={merge.isPending}
              onClick={() => merge.mutate()}
            >
              {t('duplicates.confirmMerge')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <MergeResultView result={result} onClose={onClose} />
      ) : (
        <>
          {loadError && <Alert type="error" showIcon title={errorMessage(t, loadError)} />}
          {code === 'STALE_VERSION' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('duplicates.stale')}
              description={t('duplicates.staleHint')}
              action={
                <Button size="small" type="primary" onClick={reload}>
                  {t('common.reload')}
                </Button>
              }
            />
          )}
          {code === 'INVALID_STATE' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('duplicates.alreadyMerged')}
              description={t('duplicates.alreadyMergedHint')}
            />
          )}
          {merge.isError && code !== 'STALE_VERSION' && code !== 'INVALID_STATE' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={errorMessage(t, merge.error)}
            />
          )}
          {ready && survivor && merged ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('duplicates.explain', {
                  merged: `${merged.name} (${merged.code})`,
                  survivor: `${survivor.name} (${survivor.code})`,
                })}
              />
              <MergeComparison
                a={a.data}
                b={b.data}
                survivorId={survivorId}
                onSurvivor={setSurvivorId}
                defs={defs.data}
              />
            </>
          ) : (
            !loadError && <Skeleton active paragraph={{ rows: 8 }} />
          )}
        </>
      )}
    </Modal>
  );
}
