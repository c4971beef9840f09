import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import {
  type Distribution,
  type RunDetail,
  type SchemeVersion,
  type WhatIfChanges,
  type WhatIfResult,
  whatIf,
} from '../../api/tiering';
import { errorMessage } from '../../errors';
import { DistributionChart } from './distribution-chart';
import { formatScore, tierLabel } from './labels';
import { MigrationHeatmap } from './migration-heatmap';
import { useDebounced } from './use-debounced';
import { whatIfMigration } from './what-if-matrix';
import { type Levers, leversOf, type Numbers, WhatIfSliders } from './what-if-sliders';

/** The entries of `next` that differ from `base`, or undefined when none do. */
function changed(base: Numbers, next: Numbers): Numbers | undefined {
  const out = Object.fromEntries(Object.entries(next).filter(([k, v]) => base[k] !== v));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The request body's changes; quotas go as a whole set, since they must add up to 100%. */
function changesOf(base: Levers, next: Levers): WhatIfChanges | undefined {
  const c: WhatIfChanges = {};
  if (changed(base.quotas, next.quotas)) c.quotas = next.quotas;
  const thresholds = changed(base.thresholds, next.thresholds);
  if (thresholds) c.thresholds = thresholds;
  const weights = changed(base.weights, next.weights);
  if (weights) c.weights = weights;
  return Object.keys(c).length > 0 ? c : undefined;
}

/**
 * What-if on a run's scheme version: sliders for quotas, thresholds and weights. Each settled
 * move (150 ms after the last) asks the server, which evaluates without writing; answers to
 * moves that have since been superseded are dropped, so the panel always shows the latest.
 */
export function WhatIfPanel({
  run,
  version,
  baseline,
}: {
  run: RunDetail;
  version: SchemeVersion;
  baseline: Distribution;
}) {
  const { t, i18n } = useTranslation();
  const doc = version.document;
  const original = useMemo(() => leversOf(doc), [doc]);
  const [levers, setLevers] = useState(original);
  const changes = useDebounced(
    useMemo(() => changesOf(original, levers), [original, levers]),
    150,
  );
  const query = useQuery({
    queryKey: ['tiering', 'what-if', version.id, run.asOf, changes],
    queryFn: () => whatIf(version.id, run.asOf, changes ?? {}),
    enabled: changes !== undefined,
    placeholderData: keepPreviousData,
    // Every answer is for one exact set of changes; refetching on focus would only repeat it.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const data: WhatIfResult | undefined = changes ? query.data : undefined;
  const tierIds = doc.tiers.map((x) => x.id);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title={t('tiering.whatIf.levers')}
          extra={
            <Button size="small" onClick={() => setLevers(original)} disabled={!changes}>
              {t('tiering.whatIf.reset')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('tiering.whatIf.hint')}</Typography.Paragraph>
          <WhatIfSliders doc={doc} levers={levers} onChange={setLevers} />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {query.isError && changes && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(t, query.error)}
              description={
                query.error instanceof ApiError && query.error.issues.length > 0
                  ? query.error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')
                  : undefined
              }
            />
          )}
          {data?.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} />
          ))}
          <Card
            size="small"
            title={data ? t('tiering.whatIf.distribution') : t('tiering.whatIf.unchanged')}
            extra={query.isFetching && <Spin size="small" />}
          >
            <DistributionChart
              distribution={data?.distribution ?? baseline}
              doc={doc}
              testId="whatif-distribution"
            />
          </Card>
          {data && (
            <>
              <Card size="small" title={t('tiering.whatIf.migration')}>
                {(() => {
                  const m = whatIfMigration(tierIds, baseline, data);
                  return (
                    <>
                      {m.partial && (
                        <Typography.Paragraph type="secondary">
                          {t('tiering.whatIf.partial', {
                            shown: data.movers.length,
                            total: data.moversTotal,
                          })}
                        </Typography.Paragraph>
                      )}
                      <MigrationHeatmap
                        migration={m}
                        doc={doc}
                        fromLabel={t('tiering.whatIf.fromRun')}
                        toLabel={t('tiering.whatIf.toWhatIf')}
                      />
                    </>
                  );
                })()}
              </Card>
              <Card
                size="small"
                title={t('tiering.whatIf.movers', { count: data.moversTotal })}
                data-testid="whatif-movers"
              >
                <Table
                  size="small"
                  rowKey="customerId"
                  dataSource={data.movers}
                  pagination={{ pageSize: 10, showSizeChanger: false }}
                  columns={[
                    {
                      key: 'code',
                      title: t('tiering.results.code'),
                      render: (_: unknown, m) => (
                        <Link to={`/customers/${m.customerId}`}>{m.code}</Link>
                      ),
                    },
                    { key: 'name', dataIndex: 'name', title: t('tiering.results.name') },
                    {
                      key: 'score',
                      title: t('tiering.results.score'),
                      render: (_: unknown, m) => formatScore(m.score),
                    },
                    {
                      key: 'move',
                      title: t('tiering.whatIf.move'),
                      render: (_: unknown, m) => (
                        <Space size={4}>
                          <Tag>{tierLabel(t, doc, m.from, i18n.language)}</Tag>→
                          <Tag color="blue">{tierLabel(t, doc, m.to, i18n.language)}</Tag>
                        </Space>
                      ),
                    },
                  ]}
                />
              </Card>
            </>
          )}
        </Space>
      </Col>
    </Row>
  );
}
