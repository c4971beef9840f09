import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsFilters } from '../../../api/analytics';
import {
  createReportSchedule,
  deleteReportSchedule,
  listReportSchedules,
  type ReportLang,
  type ReportRecipients,
  type ReportSchedule,
  setReportScheduleEnabled,
} from '../../../api/reports';
import { errorMessage } from '../../../errors';
import { formatDateTime } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { FilterBar } from '../shared/filter-bar';
import { filtersFor, patchFilters } from './generate-modal';
import { RecipientsField } from './recipients-field';

type Cadence = 'weekly' | 'monthly';

/** The usual time of each cadence: Monday 08:00, or the 1st of the month at 08:00. */
const DEFAULT_CRON: Record<Cadence, string> = { weekly: '0 8 * * 1', monthly: '0 8 1 * *' };

const KEY = ['reports', 'schedules'];

/** The form of a new schedule. */
function ScheduleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<Cadence>('weekly');
  const [cron, setCron] = useState(DEFAULT_CRON.weekly);
  const [lang, setLang] = useState<ReportLang>(currentLanguage());
  const [filters, setFilters] = useState<AnalyticsFilters>({});
  const [recipients, setRecipients] = useState<ReportRecipients>({ userIds: [], emails: [] });
  const create = useMutation({
    mutationFn: () =>
      createReportSchedule({
        name: name.trim() || t(`reports.schedules.defaultName.${cadence}`),
        cron,
        payload: { cadence, filters: filtersFor(cadence, filters), recipients, lang },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: KEY });
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      width={860}
      title={t('reports.schedules.add')}
      okText={t('reports.schedules.save')}
      cancelText={t('reports.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => create.mutate()}
      okButtonProps={{ 'data-testid': 'report-schedule-ok' } as ButtonProps}
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
      <Form layout="vertical">
        <Form.Item label={t('reports.schedules.name')}>
          <Input
            data-testid="report-schedule-name"
            value={name}
            placeholder={t(`reports.schedules.defaultName.${cadence}`)}
            onChange={(e) => setName(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('reports.cadence.label')} extra={t(`reports.cadence.help.${cadence}`)}>
          <Segmented<Cadence>
            data-testid="report-schedule-cadence"
            value={cadence}
            onChange={(c) => {
              // The time follows the cadence unless it was changed by hand.
              if (cron === DEFAULT_CRON[cadence]) setCron(DEFAULT_CRON[c]);
              setCadence(c);
            }}
            options={(['weekly', 'monthly'] as const).map((c) => ({
              value: c,
              label: t(`reports.cadence.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('reports.schedules.cron')} extra={t('reports.schedules.cronHelp')}>
          <Input
            data-testid="report-schedule-cron"
            value={cron}
            onChange={(e) => setCron(e.target.value)}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item label={t('reports.filters')}>
          <FilterBar
            filters={filters}
            onChange={(patch) => setFilters((f) => patchFilters(f, patch))}
            onClear={() => setFilters({})}
            hidePeriod
          />
        </Form.Item>
        <Form.Item label={t('reports.recipients.label')} extra={t('reports.recipients.help')}>
          <RecipientsField value={recipients} onChange={setRecipients} />
        </Form.Item>
        <Form.Item label={t('reports.lang.label')}>
          <Select<ReportLang>
            style={{ width: 160 }}
            value={lang}
            onChange={setLang}
            options={(['zh-CN', 'en'] as const).map((l) => ({
              value: l,
              label: t(`reports.lang.${l}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Report schedules (analytics.manage): a cron line that makes the weekly or monthly report by
 * itself and sends it; shown with its recipients and next run, switchable and removable.
 */
export function SchedulesCard() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: KEY, queryFn: listReportSchedules });
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });
  const toggle = useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) =>
      setReportScheduleEnabled(id, enabled),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: deleteReportSchedule, onSuccess: refresh });
  const error = list.error ?? toggle.error ?? remove.error;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('reports.schedules.title')}
      data-testid="report-schedules"
      extra={
        <Button size="small" onClick={() => setOpen(true)} data-testid="report-schedule-add">
          {t('reports.schedules.add')}
        </Button>
      }
    >
      {error && (
        <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 8 }} />
      )}
      <Table<ReportSchedule>
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('reports.schedules.none') }}
        columns={[
          { title: t('reports.schedules.name'), dataIndex: 'name' },
          {
            title: t('reports.cadence.label'),
            key: 'cadence',
            render: (_, s) => <Tag>{t(`reports.cadence.${s.payload.cadence ?? 'weekly'}`)}</Tag>,
          },
          {
            title: t('reports.recipients.label'),
            key: 'recipients',
            render: (_, s) =>
              t('reports.recipients.count', {
                users: s.payload.recipients?.userIds.length ?? 0,
                emails: s.payload.recipients?.emails.length ?? 0,
              }),
          },
          {
            title: t('reports.schedules.cron'),
            dataIndex: 'cron',
            render: (c: string) => <code>{c}</code>,
          },
          {
            title: t('reports.schedules.nextRun'),
            dataIndex: 'nextRunAt',
            render: (v: string | null) => (v ? formatDateTime(v, i18n.language) : '—'),
          },
          {
            title: t('reports.schedules.enabled'),
            dataIndex: 'enabled',
            render: (on: boolean, s) => (
              <Switch
                size="small"
                checked={on}
                aria-label={t('reports.schedules.enabled')}
                data-testid={`report-schedule-enabled-${s.id}`}
                onChange={(enabled) => toggle.mutate({ id: s.id, enabled })}
              />
            ),
          },
          {
            key: 'delete',
            render: (_, s) => (
              <Popconfirm
                title={t('reports.schedules.deleteConfirm')}
                okText={t('reports.confirm')}
                cancelText={t('reports.cancel')}
                onConfirm={() => remove.mutate(s.id)}
              >
                <Button
                  size="small"
                  type="link"
                  danger
                  data-testid={`report-schedule-delete-${s.id}`}
                >
                  {t('reports.schedules.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {open && <ScheduleModal open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}
