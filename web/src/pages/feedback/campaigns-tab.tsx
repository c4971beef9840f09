import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  closeCampaign,
  createCampaign,
  listCampaigns,
  type SurveyCampaign,
  type SurveyLink,
  sendCampaign,
  type TierResult,
} from '../../api/feedback';
import { applyFieldIssues, errorMessage, formBanner } from '../../errors';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
const avg = (a: number | null) => (a === null ? '—' : a.toFixed(2));
const FIELDS = ['name', 'quarter', 'tiers', 'allActive'];

interface Values {
  name: string;
  quarter: string;
  tiers?: string[];
  allActive?: boolean;
}

/** Quarterly campaigns: draft, send (links shown once), results by tier. */
export function CampaignsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['survey-campaigns'], queryFn: listCampaigns });
  const [open, setOpen] = useState(false);
  const [links, setLinks] = useState<SurveyLink[] | null>(null);
  const [form] = Form.useForm<Values>();
  const refresh = () => qc.invalidateQueries({ queryKey: ['survey-campaigns'] });
  const create = useMutation({
    mutationFn: (v: Values) =>
      createCampaign({
        name: v.name,
        quarter: v.quarter,
        tiers: v.tiers ?? [],
        allActive: !!v.allActive,
      }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void refresh();
    },
    onError: (e) => applyFieldIssues(form, e, FIELDS),
  });
  const send = useMutation({
    mutationFn: sendCampaign,
    onSuccess: (r) => {
      setLinks(r.links);
      message.success(t('feedback.campaigns.sent', { count: r.links.length }));
      void refresh();
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });
  const close = useMutation({
    mutationFn: closeCampaign,
    onSuccess: () => void refresh(),
    onError: (e) => message.error(errorMessage(t, e)),
  });
  const tierCols = [
    {
      title: t('feedback.campaigns.tier'),
      dataIndex: 'tier',
      render: (v: string | null) => v ?? t('feedback.campaigns.noTier'),
    },
    { title: t('feedback.campaigns.invited'), dataIndex: 'invited' },
    { title: t('feedback.campaigns.answered'), dataIndex: 'answered' },
    { title: t('feedback.campaigns.responseRate'), dataIndex: 'responseRate', render: pct },
    { title: t('feedback.campaigns.average'), dataIndex: 'average', render: avg },
  ];
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
        {t('feedback.campaigns.new')}
      </Button>
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<SurveyCampaign>
        rowKey="id"
        data-testid="campaigns-table"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('feedback.campaigns.none') }}
        expandable={{
          expandedRowRender: (c) => (
            <Table<TierResult>
              rowKey={(r) => r.tier ?? '-'}
              size="small"
              pagination={false}
              dataSource={c.results.byTier}
              columns={tierCols}
            />
          ),
        }}
        columns={[
          { title: t('feedback.campaigns.name'), dataIndex: 'name' },
          { title: t('feedback.campaigns.quarter'), dataIndex: 'quarter' },
          {
            title: t('feedback.campaigns.audience'),
            render: (_, c) =>
              c.audience.allActive
                ? t('feedback.campaigns.allActive')
                : c.audience.tiers.join(', '),
          },
          {
            title: t('feedback.campaigns.status'),
            dataIndex: 'status',
            render: (s: SurveyCampaign['status']) => t(`feedback.campaigns.statuses.${s}`),
          },
          { title: t('feedback.campaigns.invited'), dataIndex: 'invited' },
          {
            title: t('feedback.campaigns.responseRate'),
            render: (_, c) => pct(c.results.total.responseRate),
          },
          {
            title: t('feedback.campaigns.average'),
            render: (_, c) => (
              <span data-testid={`campaign-average-${c.id}`}>{avg(c.results.total.average)}</span>
            ),
          },
          {
            key: 'ops',
            render: (_, c) => (
              <Space>
                {c.status === 'draft' && (
                  <Popconfirm
                    title={t('feedback.campaigns.sendConfirm')}
                    onConfirm={() => send.mutate(c.id)}
                  >
                    <Button size="small" type="primary" loading={send.isPending}>
                      {t('feedback.campaigns.send')}
                    </Button>
                  </Popconfirm>
                )}
                {c.status === 'sent' && (
                  <Button size="small" onClick={() => close.mutate(c.id)}>
                    {t('feedback.campaigns.close')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('feedback.campaigns.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        {create.isError && (
          <Alert type="error" showIcon title={formBanner(t, create.error, FIELDS)} />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="name" label={t('feedback.campaigns.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="quarter"
            label={t('feedback.campaigns.quarter')}
            rules={[{ required: true }]}
          >
            <Input placeholder={t('feedback.campaigns.quarterHint')} />
          </Form.Item>
          <Form.Item name="tiers" label={t('feedback.campaigns.tiers')}>
            <Select mode="tags" aria-label={t('feedback.campaigns.tiers')} />
          </Form.Item>
          <Form.Item name="allActive" valuePropName="checked">
            <Checkbox>{t('feedback.campaigns.allActive')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={links !== null}
        title={t('feedback.campaigns.links')}
        footer={null}
        onCancel={() => setLinks(null)}
        width={720}
      >
        <div data-testid="survey-links" style={{ maxHeight: 400, overflow: 'auto' }}>
          {(links ?? []).map((l) => (
            <Typography.Paragraph key={l.customerId} copyable style={{ marginBottom: 4 }}>
              {`${window.location.origin}${l.link}`}
            </Typography.Paragraph>
          ))}
        </div>
      </Modal>
    </>
  );
}
