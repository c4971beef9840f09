import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Result, Row, Skeleton, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { getRun, getSchemeVersion, type RunDetail, type SchemeVersion } from '../../api/tiering';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { NotFoundPage } from '../not-found-page';
import { DistributionChart } from './distribution-chart';
import { localized } from './labels';
import { MigrationHeatmap } from './migration-heatmap';
import { PublishRunButton } from './publications-publish-button';
import { ResultsTable } from './results-table';
import { WhatIfPanel } from './what-if-panel';

/** One run: its distribution, migration against the published tiers, results and what-if. */
export function RunPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const run = useQuery({
    queryKey: ['tiering', 'run', id],
    queryFn: () => getRun(id),
    enabled: valid,
  });
  const versionId = run.data?.schemeVersionId;
  const version = useQuery({
    queryKey: ['tiering', 'version', versionId],
    queryFn: () => getSchemeVersion(versionId ?? 0),
    enabled: versionId !== undefined,
  });

  if (!valid) return <NotFoundPage />;
  const error = run.error ?? version.error;
  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('tiering.run.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : errorMessage(t, error)}
        extra={
          <Link to="/tiering">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!run.data || !version.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return <RunView key={run.data.id} run={run.data} version={version.data} />;
}

function RunView({ run, version }: { run: RunDetail; version: SchemeVersion }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const doc = version.document;
  const summary = run.summary;

  const overview = summary ? (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('tiering.run.distribution')} size="small">
          <DistributionChart distribution={summary.distribution} doc={doc} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('tiering.run.migration')} size="small">
          <MigrationHeatmap
            migration={summary.migration}
            doc={doc}
            fromLabel={t('tiering.run.published')}
            toLabel={t('tiering.run.thisRun')}
          />
        </Card>
      </Col>
    </Row>
  ) : (
    <Result status="info" title={t('tiering.run.noSummary')} />
  );

  const tabs = [
    { key: 'overview', label: t('tiering.run.overview'), children: overview },
    {
      key: 'results',
      label: t('tiering.run.results'),
      children: <ResultsTable runId={run.id} doc={doc} />,
    },
  ];
  if (can('tiering.run') && summary) {
    tabs.push({
      key: 'whatIf',
      label: t('tiering.whatIf.title'),
      children: <WhatIfPanel run={run} version={version} baseline={summary.distribution} />,
    });
  }

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {localized(doc.name, i18n.language)}
            <Tag>{t('tiering.versionN', { n: version.version })}</Tag>
            <Tag color={run.status === 'draft' ? 'default' : 'green'}>
              {t(`tiering.status.${run.status}` as 'tiering.status.draft', {
                defaultValue: run.status,
              })}
            </Tag>
          </Space>
        }
        subtitle={t('tiering.run.subtitle', { asOf: run.asOf, customers: run.customers })}
        extra={
          <Space>
            <Link to="/tiering">
              <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
            </Link>
            <Link to={`/tiering/schemes/${version.schemeId}`}>
              <Button>{t('tiering.run.openScheme')}</Button>
            </Link>
            {can('reviews.manage') && <PublishRunButton run={run} doc={doc} />}
          </Space>
        }
      />
      <Tabs items={tabs} destroyOnHidden={false} />
    </>
  );
}
