import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Modal, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CycleDetail,
  listProposals,
  type PublishResult,
  publicationCounts,
  publishCycle,
} from '../../api/reviews';
import type { SchemeDocument } from '../../api/tiering';
import { useAuth } from '../../auth/auth-provider';
import { currentStep, ownsStep } from './labels';
import { PublicationSummary } from './publication-summary';
import { reviewError } from './review-errors';
import { cycleKey } from './use-cycle';

/** How many customers the draft moves up and down against the published tiers. */
function useMoves(cycleId: number, enabled: boolean) {
  const total = (moved: 'up' | 'down') => async () =>
    (await listProposals(cycleId, { moved }, 1, 1)).total;
  const up = useQuery({
    queryKey: ['reviews', 'proposals', cycleId, 'moved', 'up'],
    queryFn: total('up'),
    enabled,
  });
  const down = useQuery({
    queryKey: ['reviews', 'proposals', cycleId, 'moved', 'down'],
    queryFn: total('down'),
    enabled,
  });
  return { up: up.data, down: down.data, loading: up.isLoading || down.isLoading };
}

/**
 * Publishing on the publish step: a confirmation saying what will change, then the publication's
 * summary. A published cycle shows the summary of its publication.
 */
export function PublishPanel({ cycle, doc }: { cycle: CycleDetail; doc: SchemeDocument }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<PublishResult>();
  const step = currentStep(cycle);
  const onPublishStep = step?.kind === 'publish';
  const mine = onPublishStep && ownsStep(me, step);
  const moves = useMoves(cycle.id, confirming);

  const publish = useMutation({
    mutationFn: () => publishCycle(cycle.id),
    onSuccess: (r) => {
      setResult(r);
      setConfirming(false);
      message.success(t('reviews.publish.done'));
      void client.invalidateQueries({ queryKey: cycleKey(cycle.id) });
      void client.invalidateQueries({ queryKey: ['reviews', 'cycles'] });
      void client.invalidateQueries({ queryKey: ['tiering'] });
    },
    onError: (e) => message.error(reviewError(t, e)),
  });

  if (result) {
    return (
      <Card size="small" title={t('reviews.publish.summary')} style={{ marginBottom: 16 }}>
        <PublicationSummary counts={result} doc={doc} />
      </Card>
    );
  }
  if (cycle.publication) {
    return (
      <Card size="small" title={t('reviews.publish.summary')} style={{ marginBottom: 16 }}>
        <PublicationSummary
          counts={{
            ...publicationCounts(cycle.publication.summary),
            effectiveFrom: cycle.publication.effectiveFrom,
          }}
          doc={doc}
        />
      </Card>
    );
  }
  if (!mine) return null;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('reviews.publish.ready')}
        action={
          <Button type="primary" icon={<SendOutlined />} onClick={() => setConfirming(true)}>
            {t('reviews.publish.button')}
          </Button>
        }
      />
      <Modal
        open={confirming}
        title={t('reviews.publish.confirmTitle')}
        okText={t('reviews.publish.button')}
        cancelText={t('common.cancel')}
        confirmLoading={publish.isPending}
        onOk={() => publish.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('reviews.publish.confirmText')}</p>
        {moves.loading ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <Descriptions size="small" column={1} bordered data-testid="publish-preview">
            <Descriptions.Item label={t('reviews.publish.customers')}>
              {cycle.progress.total}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.publish.upgrades')}>
              {moves.up ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.publish.downgrades')}>
              {moves.down ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.fields.effectiveFrom')}>
              {cycle.effectiveFrom ?? t('reviews.publish.effectiveDefault')}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </>
  );
}
