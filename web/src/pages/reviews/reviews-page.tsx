import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type CycleSummary, listCycles } from '../../api/reviews';
import { listSchemes } from '../../api/tiering';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { todayIso } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { schemeName } from '../tiering/labels';
import { currentStep, isPast, roleLabel, STATUS_COLORS, stepName } from './labels';
import { SchedulesCard } from './schedules-card';
import { StartCycleButton } from './start-cycle-modal';

/** The review cycles, newest first, and (for managers) starting a new one. */
export function ReviewsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const cycles = useQuery({ queryKey: ['reviews', 'cycles'], queryFn: listCycles });
  const schemes = useQuery({ queryKey: ['tiering', 'schemes'], queryFn: listSchemes });
  const today = todayIso();
  const schemeOf = (id: number) => {
    const s = schemes.data?.find((x) => x.id === id);
    return s ? schemeName(s, i18n.language) : `#${id}`;
  };

  return (
    <>
      <PageHeader
        title={t('reviews.title')}
        subtitle={t('reviews.subtitle')}
        extra={
          <Space>
            <Link to="/reviews/elimination">{t('lifecycle.elimination.title')}</Link>
            {can('reviews.manage') && <StartCycleButton schemes={schemes.data ?? []} />}
          </Space>
        }
      />
      {cycles.isError && <Alert type="error" showIcon title={errorMessage(t, cycles.error)} />}
      <Card size="small">
        <Table<CycleSummary>
          rowKey="id"
          size="middle"
          loading={cycles.isLoading}
          dataSource={cycles.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('reviews.list.empty') }}
          scroll={{ x: 1000 }}
          columns={[
            {
              key: 'name',
              title: t('reviews.fields.name'),
              render: (_: unknown, c) => <Link to={`/reviews/${c.id}`}>{c.name}</Link>,
            },
            {
              key: 'scheme',
              title: t('reviews.fields.scheme'),
              render: (_: unknown, c) => schemeOf(c.schemeId),
            },
            {
              key: 'kind',
              title: t('reviews.fields.kind'),
              width: 100,
              render: (_: unknown, c) =>
                t(`reviews.kinds.${c.kind}` as 'reviews.kinds.annual', { defaultValue: c.kind }),
            },
            { key: 'asOf', dataIndex: 'asOf', title: t('reviews.fields.asOf'), width: 120 },
            {
              key: 'deadline',
              title: t('reviews.fields.deadline'),
              width: 120,
              render: (_: unknown, c) =>
                c.status === 'open' && isPast(c.deadline, today) ? (
                  <Typography.Text type="danger" data-testid="deadline-past">
                    {c.deadline}
                  </Typography.Text>
                ) : (
                  c.deadline
                ),
            },
            {
              key: 'status',
              title: t('reviews.fields.status'),
              width: 100,
              render: (_: unknown, c) => (
                <Tag color={STATUS_COLORS[c.status]}>{t(`reviews.status.${c.status}`)}</Tag>
              ),
            },
            {
              key: 'step',
              title: t('reviews.fields.currentStep'),
              render: (_: unknown, c) => {
                const step = currentStep(c);
                if (!step) return t('common.none');
                return (
                  <Space size={4} wrap>
                    {stepName(step, i18n.language)}
                    <Tag>{roleLabel(t, step.roleId)}</Tag>
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      {can('reviews.manage') && <SchedulesCard schemes={schemes.data ?? []} />}
    </>
  );
}
