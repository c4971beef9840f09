import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Coverage, fetchCoverage } from '../../api/accounts';
import { errorMessage } from '../../errors';
import { CoverageChart } from './coverage-chart';

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);

/** The coverage dashboard: the overall KPI against 60%, bars per owner, who is not visited. */
export function CoverageTab({ month }: { month: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['accounts', 'coverage', month],
    queryFn: () => fetchCoverage(month),
  });
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(t, q.error)} />;
  const c = q.data;
  if (!c) return <Card loading />;
  const below = !c.overall.meetsTarget;
  return (
    <Flex vertical gap={16}>
      {!c.planGenerated && (
        <Alert type="info" showIcon title={t('accounts.coverage.notGenerated')} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card data-testid="coverage-overall">
            <Statistic
              title={t('accounts.coverage.overall')}
              value={c.overall.share === null ? '-' : c.overall.share * 100}
              precision={1}
              suffix={c.overall.share === null ? undefined : '%'}
              styles={{ content: { color: below ? '#cf1322' : '#389e0d' } }}
            />
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Typography.Text data-testid="coverage-counts">
                {t('accounts.coverage.visitedOf', {
                  visited: c.overall.visited,
                  priority: c.overall.priority,
                })}
              </Typography.Text>
              <Tag color={below ? 'red' : 'green'}>
                {below ? t('accounts.coverage.belowTarget') : t('accounts.coverage.meetsTarget')}
              </Tag>
              <Typography.Text type="secondary">
                {t('accounts.coverage.target', { target: pct(c.target) })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('accounts.coverage.definition')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card title={t('accounts.coverage.perOwner')}>
            {c.overall.priority === 0 ? (
              <Typography.Text type="secondary">
                {t('accounts.coverage.noPriority')}
              </Typography.Text>
            ) : (
              <CoverageChart coverage={c} />
            )}
          </Card>
        </Col>
      </Row>
      <NotVisited coverage={c} />
    </Flex>
  );
}

function NotVisited({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  return (
    <Card title={t('accounts.coverage.notVisited', { count: coverage.notVisitedTotal })}>
      <Table
        size="small"
        rowKey="customerId"
        data-testid="not-visited-table"
        dataSource={coverage.notVisited}
        pagination={{ pageSize: 10 }}
        columns={[
          {
            title: t('accounts.plans.code'),
            dataIndex: 'code',
            render: (code: string, r) => <Link to={`/customers/${r.customerId}`}>{code}</Link>,
          },
          { title: t('accounts.plans.name'), dataIndex: 'name' },
          { title: t('accounts.plans.tier'), dataIndex: 'tier' },
          {
            title: t('accounts.plans.owner'),
            dataIndex: 'ownerName',
            render: (v: string | null) => v ?? t('accounts.coverage.noOwner'),
          },
        ]}
      />
    </Card>
  );
}
