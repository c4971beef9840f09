import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { startRun } from '../../api/tiering';
import { errorMessage } from '../../errors';
import { todayIso } from '../../format';

/** Runs a scheme version at a chosen as-of date and opens the run. */
export function RunButton({
  versionId,
  unsaved,
}: {
  versionId: number | undefined;
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [asOf, setAsOf] = useState(todayIso());
  const run = useMutation({
    mutationFn: () => startRun(versionId ?? 0, asOf),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['tiering'] });
      navigate(`/tiering/runs/${r.runId}`);
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });
  return (
    <>
      <Button
        icon={<PlayCircleOutlined />}
        disabled={versionId === undefined}
        onClick={() => setOpen(true)}
      >
        {t('tiering.editor.run')}
      </Button>
      <Modal
        open={open}
        title={t('tiering.editor.runTitle')}
        okText={t('tiering.editor.run')}
        cancelText={t('common.cancel')}
        confirmLoading={run.isPending}
        okButtonProps={{ disabled: !/^\d{4}-\d{2}-\d{2}$/.test(asOf) }}
        onOk={() => run.mutate()}
        onCancel={() => setOpen(false)}
      >
        <Form layout="vertical">
          <Form.Item label={t('tiering.editor.asOf')} tooltip={t('tiering.editor.asOfHint')}>
            <Input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </Form.Item>
        </Form>
        {unsaved && (
          <Typography.Text type="warning">{t('tiering.editor.runUnsaved')}</Typography.Text>
        )}
      </Modal>
    </>
  );
}
