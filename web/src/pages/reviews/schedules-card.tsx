import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createSchedule,
  deleteSchedule,
  listSchedules,
  type ReviewSchedule,
  type ReviewScheduleInput,
  setScheduleEnabled,
} from '../../api/schedules';
import type { SchemeSummary } from '../../api/tiering';
import { errorMessage } from '../../errors';
import { formatDateTime, localized } from '../../format';

interface FormValues {
  name: string;
  cron: string;
  schemeId: number;
  kind: 'annual' | 'interim';
  nameTemplate: string;
  deadlineDays: number;
}

/**
 * Review schedules (reviews.manage): a cron line such as "every 20 December" that starts a
 * cycle by itself through the job runner; shown with its next run, switchable and removable.
 */
export function SchedulesCard({ schemes }: { schemes: SchemeSummary[] }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const list = useQuery({ queryKey: ['reviews', 'schedules'], queryFn: listSchedules });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['reviews', 'schedules'] });
  const create = useMutation({
    mutationFn: (v: FormValues) => {
      const body: ReviewScheduleInput = {
        name: v.name,
        cron: v.cron,
        payload: {
          schemeId: v.schemeId,
          kind: v.kind,
          nameTemplate: v.nameTemplate,
          deadlineDays: v.deadlineDays,
        },
      };
      return createSchedule(body);
    },
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) =>
      setScheduleEnabled(id, enabled),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: deleteSchedule, onSuccess: refresh });
  const schemeName = (id: unknown) => {
    const s = schemes.find((x) => x.id === id);
    return s ? localized(s.nameZh, s.nameEn, i18n.language) : `#${String(id)}`;
  };
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('reviews.schedules.title')}
      data-testid="review-schedules"
      extra={
        <Button
          size="small"
          onClick={() => {
            create.reset();
            form.setFieldsValue({
              cron: '0 0 20 12 *',
              kind: 'annual',
              nameTemplate: t('reviews.schedules.defaultTemplate'),
              deadlineDays: 30,
              ...(schemes[0]
                ? { schemeId: (schemes.find((s) => s.serviceTier) ?? schemes[0]).id }
                : {}),
            });
            setOpen(true);
          }}
        >
          {t('reviews.schedules.add')}
        </Button>
      }
    >
      {(list.isError || toggle.isError || remove.isError) && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, list.error ?? toggle.error ?? remove.error)}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<ReviewSchedule>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('reviews.schedules.none') }}
        columns={[
          { title: t('reviews.schedules.name'), dataIndex: 'name' },
          {
            title: t('reviews.schedules.scheme'),
            key: 'scheme',
            render: (_, s) => schemeName(s.payload.schemeId),
          },
          {
            title: t('reviews.schedules.cron'),
            dataIndex: 'cron',
            render: (c: string) => <code>{c}</code>,
          },
          {
            title: t('reviews.schedules.nextRun'),
            dataIndex: 'nextRunAt',
            render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—'),
          },
          {
            title: t('reviews.schedules.enabled'),
            dataIndex: 'enabled',
            render: (on: boolean, s) => (
              <Switch
                size="small"
                checked={on}
                aria-label={t('reviews.schedules.enabled')}
                onChange={(enabled) => toggle.mutate({ id: s.id, enabled })}
              />
            ),
          },
          {
            key: 'delete',
            render: (_, s) => (
              <Popconfirm
                title={t('reviews.schedules.deleteConfirm')}
                okText={t('lifecycle.confirm')}
                cancelText={t('lifecycle.close')}
                onConfirm={() => remove.mutate(s.id)}
              >
                <Button size="small" type="link" danger>
                  {t('reviews.schedules.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('reviews.schedules.add')}
        okText={t('lifecycle.confirm')}
        cancelText={t('lifecycle.close')}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {create.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, create.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item
            name="name"
            label={t('reviews.schedules.name')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="schemeId"
            label={t('reviews.schedules.scheme')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Select
              options={schemes.map((s) => ({
                value: s.id,
                label: localized(s.nameZh, s.nameEn, i18n.language),
              }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('reviews.schedules.kind')}>
            <Select
              options={(['annual', 'interim'] as const).map((k) => ({
                value: k,
                label: t(`reviews.schedules.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="cron"
            label={t('reviews.schedules.cron')}
            extra={t('reviews.schedules.cronHelp')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="nameTemplate"
            label={t('reviews.schedules.nameTemplate')}
            extra={t('reviews.schedules.nameTemplateHelp')}
            rules={[{ required: true, message: t('lifecycle.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="deadlineDays" label={t('reviews.schedules.deadlineDays')}>
            <InputNumber min={1} max={366} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
