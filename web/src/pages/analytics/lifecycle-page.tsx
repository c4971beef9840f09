import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  LIFECYCLE_CUSTOMERS_PATH,
  LIFECYCLE_EXPORT_PATH,
  type LifecycleRules,
  lifecycle,
} from '../../api/analytics-behaviour';
import { errorMessage } from '../../errors';
import { currentLanguage } from '../../i18n';
import { PageHeader } from '../../layout/page-header';
import { type LifecycleSelector, lifecycleDrill } from './behaviour/behaviour-drill';
import { ChurnRiskTable, RISK_STAGES } from './behaviour/churn-risk-table';
import { CohortTable } from './behaviour/cohort-table';
import { LifecycleRulesControl } from './behaviour/lifecycle-rules';
import { StageOverview } from './behaviour/stage-overview';
import { useDrill } from './shared/drill-drawer';
import { ExportButtons } from './shared/export-buttons';
import { FilterBar } from './shared/filter-bar';
import { useAnalyticsFilters } from './shared/use-analytics-filters';

const RULE_KEYS = ['newDays', 'k1', 'k2', 'k3', 'maxDays'] as const;

/**
 * Lifecycle: each customer's stage from its own purchase rhythm (counts and revenue per stage),
 * the cohort retention table and the churn-risk list with the reason of every entry. Stages,
 * cohort cells and the list open the customers behind them.
 */
export function LifecyclePage() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const { filters, setFilters, clear } = useAnalyticsFilters();
  const [params, setParams] = useSearchParams();
  const rules: LifecycleRules = {};
  for (const k of RULE_KEYS) {
    const v = params.get(k);
    if (v) rules[k] = v;
  }
  const query = { ...filters, ...rules };
  const view = useQuery({
    queryKey: ['analytics', 'lifecycle', query],
    queryFn: () => lifecycle(query),
  });
  const applyRules = (next: LifecycleRules) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const k of RULE_KEYS) {
          const v = next[k];
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  const drill = useDrill();
  const onDrill = (s: LifecycleSelector) => drill.open(lifecycleDrill(t, lng, s, query));
  const v = view.data;
  const p = v?.parameters;
  return (
    <>
      <PageHeader
        title={t('analyticsBehaviour.lifecycle.title')}
        subtitle={
          v
            ? t('analytics.periodLabel', {
                from: v.period.from,
                to: v.period.to,
                months: v.period.months,
              })
            : t('analyticsBehaviour.lifecycle.subtitle')
        }
        extra={
          <ExportButtons path={LIFECYCLE_EXPORT_PATH} query={query} testId="lifecycle-export" />
        }
      />
      <FilterBar filters={filters} onChange={setFilters} onClear={clear} period={v?.period} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <LifecycleRulesControl
          rules={rules}
          defaults={p && { newDays: p.newDays, k1: p.k1, k2: p.k2, k3: p.k3, maxDays: p.maxDays }}
          onApply={applyRules}
        />
        {p && v && (
          <Typography.Paragraph
            type="secondary"
            style={{ margin: '8px 0 0' }}
            data-testid="lifecycle-parameters"
          >
            {t('analyticsBehaviour.lifecycle.parameters', {
              asOf: v.asOf,
              newDays: p.newDays,
              k1: p.k1,
              k2: p.k2,
              k3: p.k3,
              maxDays: p.maxDays,
              fallback: Math.round(p.fallbackIntervalDays * 10) / 10,
            })}
          </Typography.Paragraph>
        )}
      </Card>
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      {view.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {v &&
        (v.customers === 0 ? (
          <Empty
            description={t('analyticsBehaviour.lifecycle.empty')}
            data-testid="lifecycle-empty"
          />
        ) : (
          <Flex vertical gap={16}>
            <Card size="small" title={t('analyticsBehaviour.lifecycle.stageChart')}>
              <StageOverview view={v} onStage={(stage) => onDrill({ stage: [stage] })} />
            </Card>
            <Card
              size="small"
              title={t('analyticsBehaviour.lifecycle.churnRisk')}
              extra={
                <ExportButtons
                  path={`${LIFECYCLE_CUSTOMERS_PATH}/export`}
                  query={{ ...query, stage: RISK_STAGES.join(',') }}
                  testId="lifecycle-churn-export"
                />
              }
            >
              <Typography.Paragraph type="secondary">
                {t('analyticsBehaviour.lifecycle.churnRiskHint')}
              </Typography.Paragraph>
              <ChurnRiskTable query={query} />
            </Card>
            <Card
              size="small"
              title={t('analyticsBehaviour.lifecycle.cohorts')}
              extra={
                <ExportButtons
                  path={LIFECYCLE_EXPORT_PATH}
                  query={{ ...query, table: 'cohorts' }}
                  testId="lifecycle-cohorts-export"
                />
              }
            >
              <Typography.Paragraph type="secondary">
                {t('analyticsBehaviour.lifecycle.cohortsHint')}
              </Typography.Paragraph>
              {v.cohorts.length === 0 ? (
                <Empty description={t('analyticsBehaviour.lifecycle.noCohorts')} />
              ) : (
                <CohortTable
                  cohorts={v.cohorts}
                  onCell={(cohort, offset) =>
                    onDrill(offset === undefined ? { cohort } : { cohort, offset })
                  }
                />
              )}
            </Card>
          </Flex>
        ))}
      {drill.drawer}
    </>
  );
}
