import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { CycleDetail } from '../../api/reviews';
import { getSchemeVersion, type SchemeVersion } from '../../api/tiering';
import { errorMessage } from '../../errors';
import { todayIso } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { NotFoundPage } from '../not-found-page';
import { localized } from '../tiering/labels';
import { ComparePanel } from './compare-panel';
import { CycleEvents } from './cycle-events';
import { CycleSteps } from './cycle-steps';
import { isPast, STATUS_COLORS } from './labels';
import { ProposalsTable } from './proposals-table';
import { PublishPanel } from './publish-panel';
import { StepActions } from './step-actions';
import { useCycle } from './use-cycle';

/** One review cycle: its steps, the evaluation form, the draft against published, the record. */
export function CyclePage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const cycle = useCycle(id, valid);
  const versionId = cycle.data?.schemeVersionId;
  const version = useQuery({
    queryKey: ['tiering', 'version', versionId],
    queryFn: () => getSchemeVersion(versionId ?? 0),
    enabled: versionId !== undefined,
  });

  if (!valid) return <NotFoundPage />;
  const error = cycle.error ?? version.error;
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('reviews.cycle.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : errorMessage(t, error)}
        extra={
          <Link to="/reviews">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!cycle.data || !version.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <CycleView cycle={cycle.data} version={version.data} />;
}

/** The scope as short text: region, customer type, industry, or "all customers". */
function ScopeText({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const parts = [
    cycle.scope.region,
    cycle.scope.type
      ? t(`customers.types.${cycle.scope.type}` as 'customers.types.enterprise')
      : '',
    cycle.scope.industry,
  ].filter((x): x is string => !!x);
  return <>{parts.length ? parts.join(' · ') : t('reviews.scope.allCustomers')}</>;
}

function CycleView({ cycle, version }: { cycle: CycleDetail; version: SchemeVersion }) {
  const { t, i18n } = useTranslation();
  const doc = version.document;
  const late = cycle.status === 'open' && isPast(cycle.deadline, todayIso());
  const { total, rated, finance, revised } = cycle.progress;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {cycle.name}
            <Tag color={STATUS_COLORS[cycle.status]} data-testid="cycle-status">
              {t(`reviews.status.${cycle.status}`)}
            </Tag>
            <Tag>
              {t(`reviews.kinds.${cycle.kind}` as 'reviews.kinds.annual', {
                defaultValue: cycle.kind,
              })}
            </Tag>
          </Space>
        }
        subtitle={
          <Space wrap separator="·">
            <Link to={`/tiering/schemes/${cycle.schemeId}`}>
              {localized(cycle.schemeName, i18n.language)}
            </Link>
            <span>{t('reviews.cycle.asOf', { date: cycle.asOf })}</span>
            <Typography.Text type={late ? 'danger' : undefined}>
              {t('reviews.cycle.deadline', { date: cycle.deadline })}
            </Typography.Text>
            <ScopeText cycle={cycle} />
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/reviews">
              <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
            </Link>
            <StepActions cycle={cycle} />
          </Space>
        }
      />
      <CycleSteps cycle={cycle} />
      <PublishPanel cycle={cycle} doc={doc} />
      <Typography.Paragraph type="secondary" data-testid="cycle-progress">
        {t('reviews.cycle.progress', { total, rated, finance, revised })}
      </Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'form',
            label: t('reviews.cycle.formTab'),
            children: <ProposalsTable cycle={cycle} doc={doc} />,
          },
          {
            key: 'compare',
            label: t('reviews.cycle.compareTab'),
            children: <ComparePanel cycle={cycle} doc={doc} />,
          },
          {
            key: 'events',
            label: t('reviews.cycle.eventsTab', { count: cycle.events.length }),
            children: <CycleEvents cycle={cycle} />,
          },
        ]}
      />
    </>
  );
}
