import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeDue, type DurationUnit, isNotCovered } from '../../api/calendars';
import { errorMessage } from '../../errors';

/** "Try a deadline": a start in the calendar's time and a duration → the due time (saved calendar). */
export function CalendarTryDeadline({
  calendarKey,
  defaultStart,
}: {
  calendarKey: string;
  defaultStart: string;
}) {
  const { t } = useTranslation();
  const [start, setStart] = useState(defaultStart);
  const [amount, setAmount] = useState<number>(4);
  const [unit, setUnit] = useState<DurationUnit>('hours');
  const run = useMutation({ mutationFn: () => computeDue(calendarKey, start, amount, unit) });
  const notCoveredYear = isNotCovered(run.error) ? String(run.error.details.year ?? '') : null;
  return (
    <Card
      size="small"
      title={t('calendars.try.title')}
      extra={<Typography.Text type="secondary">{t('calendars.try.savedOnly')}</Typography.Text>}
    >
      <Flex gap={8} wrap align="center">
        <Input
          type="datetime-local"
          style={{ width: 220 }}
          aria-label={t('calendars.try.start')}
          data-testid="try-start"
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
        <InputNumber
          min={0}
          aria-label={t('calendars.try.amount')}
          data-testid="try-amount"
          value={amount}
          onChange={(v) => setAmount(v ?? 0)}
        />
        <Select
          style={{ width: 140 }}
          aria-label={t('calendars.try.unit')}
          value={unit}
          onChange={setUnit}
          options={(['minutes', 'hours', 'working_days'] as const).map((u) => ({
            value: u,
            label: t(`calendars.try.${u}`),
          }))}
        />
        <Button
          type="primary"
          data-testid="try-compute"
          loading={run.isPending}
          onClick={() => run.mutate()}
        >
          {t('calendars.try.compute')}
        </Button>
      </Flex>
      {run.data && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="try-result"
          title={t('calendars.try.due', { due: run.data.dueLocal, timeZone: run.data.timeZone })}
        />
      )}
      {run.isError && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="try-error"
          title={
            notCoveredYear
              ? t('calendars.try.notCovered', { year: notCoveredYear })
              : errorMessage(t, run.error)
          }
        />
      )}
    </Card>
  );
}
