import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PublishResult, publishRun } from '../../api/reviews';
import type { RunDetail, SchemeDocument } from '../../api/tiering';
import { PublicationSummary } from '../reviews/publication-summary';
import { reviewError } from '../reviews/review-errors';

/**
 * Publishes a run's computed tiers without a review cycle, after a confirmation saying what will
 * change (the run's migration against the published tiers); then shows what the publication did.
 */
export function PublishRunButton({ run, doc }: { run: RunDetail; doc: SchemeDocument }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [result, setResult] = useState<PublishResult>();
  const publish = useMutation({
    mutationFn: () => publishRun(run.id, effectiveFrom || undefined),
    onSuccess: (r) => {
      setResult(r);
      message.success(
        r.alreadyPublished ? t('publications.alreadyPublished') : t('reviews.publish.done'),
      );
      void client.invalidateQueries({ queryKey: ['tiering'] });
    },
    onError: (e) => message.error(reviewError(t, e)),
  });
  const m = run.summary?.migration;
  const close = () => {
    setOpen(false);
    setResult(undefined);
  };
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)}>
        {t('publications.publishRun')}
      </Button>
      <Modal
        open={open}
        width={640}
        title={t('publications.publishRunTitle')}
        okText={result ? t('common.close') : t('reviews.publish.button')}
        cancelText={t('common.cancel')}
        confirmLoading={publish.isPending}
        onOk={() => (result ? close() : publish.mutate())}
        onCancel={close}
        destroyOnHidden
      >
        {result ? (
          <PublicationSummary counts={result} doc={doc} />
        ) : (
          <>
            <Typography.Paragraph>
              {m
                ? t('publications.publishRunText', {
                    customers: run.customers,
                    up: m.upgrades,
                    down: m.downgrades,
                    entered: m.entered,
                    left: m.left,
                  })
                : t('publications.publishRunPlain', { customers: run.customers })}
            </Typography.Paragraph>
            <Form layout="vertical">
              <Form.Item
                label={t('reviews.fields.effectiveFrom')}
                extra={t('reviews.start.effectiveFromHint')}
              >
                <Input
                  type="date"
                  value={effectiveFrom}
                  onChange={(e) => setEffectiveFrom(e.target.value)}
                />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}
