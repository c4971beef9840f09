import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getClvModel, listClvModels } from '../../api/clv';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { ClvCustomersTable } from './clv/clv-customers-table';
import { DistributionCharts } from './clv/distribution-charts';
import { EvaluationCharts } from './clv/evaluation-charts';
import { FitPanel } from './clv/fit-panel';
import { ModelCard } from './clv/model-card';

/**
 * Customer lifetime value: fit the BG/NBD and Gamma-Gamma models (analytics.manage), see the
 * model with its calibration/holdout fit, the CLV and P(alive) distributions, and the customers
 * ranked by CLV with filters and exports. Shows the newest finished model by default; older
 * models whose predictions are kept can be chosen.
 */
export function ClvPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [chosen, setChosen] = useState<number | undefined>();
  const models = useQuery({ queryKey: ['clv', 'models'], queryFn: () => listClvModels(1, 50) });
  const finished = (models.data?.items ?? []).filter((m) => m.status === 'finished');
  const latestAttempt = models.data?.items[0];
  const modelId = chosen ?? finished[0]?.id;
  const model = useQuery({
    queryKey: ['clv', 'model', modelId],
    queryFn: () => getClvModel(modelId as number),
    enabled: modelId !== undefined,
  });
  const m = model.data;
  return (
    <>
      <PageHeader
        title={t('clv.title')}
        subtitle={t('clv.subtitle')}
        extra={
          finished.length > 1 && (
            <Select
              style={{ width: 260 }}
              aria-label={t('clv.model.choose')}
              value={modelId}
              onChange={(id: number) => setChosen(id)}
              options={finished.map((x) => ({
                value: x.id,
                label: t('clv.model.option', { id: x.id, asOf: x.asOf }),
                disabled: !x.predictionsKept,
              }))}
            />
          )
        }
      />
      <Flex vertical gap={16}>
        <FitPanel mayFit={can('analytics.manage')} />
        {models.isError && <Alert type="error" showIcon title={errorMessage(t, models.error)} />}
        {latestAttempt?.status === 'failed' && latestAttempt.id !== modelId && (
          <Alert
            type="warning"
            showIcon
            title={t('clv.lastFailed', { asOf: latestAttempt.asOf })}
            description={latestAttempt.error}
            data-testid="clv-last-failed"
          />
        )}
        {models.isLoading && <Skeleton active paragraph={{ rows: 6 }} />}
        {models.data && modelId === undefined && (
          <Empty
            data-testid="clv-no-model"
            description={
              <Flex vertical>
                <Typography.Text strong>{t('clv.noModel')}</Typography.Text>
                <Typography.Text type="secondary">
                  {can('analytics.manage') ? t('clv.noModelFit') : t('clv.noModelAsk')}
                </Typography.Text>
              </Flex>
            }
          />
        )}
        {model.isError && <Alert type="error" showIcon title={errorMessage(t, model.error)} />}
        {m && (
          <>
            <ModelCard model={m} />
            <DistributionCharts distribution={m.distribution} horizonMonths={m.horizonMonths} />
            <EvaluationCharts evaluation={m.evaluation} />
            {m.predictionsKept ? (
              <ClvCustomersTable key={m.id} model={m} />
            ) : (
              <Alert type="info" showIcon title={t('clv.predictionsRemoved')} />
            )}
          </>
        )}
      </Flex>
    </>
  );
}
