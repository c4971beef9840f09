import { Input, Segmented, Select, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Compare, ComparisonQuery, TierRunOption } from '../../../api/analytics-tiers';
import type { TierParams } from './use-tier-params';

type Choice = Compare | 'auto';

/** A run in a picker: number, as-of date, and whether (and from when) it was published. */
function runLabel(t: TFunction, r: TierRunOption): string {
  return r.publication
    ? t('analyticsTiers.migration.runPublished', {
        id: r.id,
        asOf: r.asOf,
        effectiveFrom: r.publication.effectiveFrom,
      })
    : t('analyticsTiers.migration.runDraft', { id: r.id, asOf: r.asOf });
}

/**
 * What the migration compares: chosen by the page (auto), two runs, two dates, or one run
 * against the tiers published when it was made. Pickers show the runs of the figure's scheme.
 */
export function MigrationControls({
  params,
  runs,
  shown,
  onParams,
}: {
  params: TierParams;
  runs: TierRunOption[];
  /** The comparison the figure shows now, to start the pickers from. */
  shown: ComparisonQuery | undefined;
  onParams: (patch: Record<string, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const choice: Choice = params.compare ?? 'auto';
  const options = runs.map((r) => ({ value: String(r.id), label: runLabel(t, r) }));
  const runPicker = (key: 'beforeRunId' | 'afterRunId') => (
    <Select
      style={{ width: 300 }}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t(`analyticsTiers.migration.${key}`)}
      aria-label={t(`analyticsTiers.migration.${key}`)}
      data-testid={`tier-mig-${key}`}
      value={params[key]}
      options={options}
      onChange={(v: string) => onParams({ [key]: v })}
    />
  );
  const datePicker = (key: 'beforeDate' | 'afterDate') => (
    <Input
      type="date"
      style={{ width: 160 }}
      aria-label={t(`analyticsTiers.migration.${key}`)}
      data-testid={`tier-mig-${key}`}
      value={params[key] ?? ''}
      onChange={(e) => onParams({ [key]: e.target.value || undefined })}
    />
  );
  return (
    <Space wrap>
      <Segmented<Choice>
        data-testid="tier-mig-compare"
        value={choice}
        onChange={(c) =>
          onParams({
            compare: c === 'auto' ? undefined : c,
            beforeRunId: c === 'runs' ? (params.beforeRunId ?? shown?.beforeRunId) : undefined,
            afterRunId:
              c === 'runs' || c === 'previous'
                ? (params.afterRunId ?? shown?.afterRunId)
                : undefined,
            beforeDate: c === 'dates' ? params.beforeDate : undefined,
            afterDate: c === 'dates' ? params.afterDate : undefined,
          })
        }
        options={(['auto', 'runs', 'dates', 'previous'] as const).map((c) => ({
          value: c,
          label: t(`analyticsTiers.migration.compare.${c}`),
        }))}
      />
      {choice === 'runs' && (
        <>
          {runPicker('beforeRunId')}
          {runPicker('afterRunId')}
        </>
      )}
      {choice === 'previous' && runPicker('afterRunId')}
      {choice === 'dates' && (
        <>
          {datePicker('beforeDate')}
          {datePicker('afterDate')}
        </>
      )}
    </Space>
  );
}
