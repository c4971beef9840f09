import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current time, re-rendering the caller every second (live countdowns). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** `1d 02:03:04` / `02:03:04`, with a minus sign once past due. */
export function formatRemaining(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${sign}${d > 0 ? `${d}d ` : ''}${hh}:${mm}:${ss}`;
}

/**
 * Time left to `dueAt`, ticking every second: red once breached, orange when at risk (past the
 * warning instant), frozen while the clock is paused.
 */
export function Countdown(props: {
  dueAt: string | null;
  warnAt?: string | null | undefined;
  pausedSince?: string | null | undefined;
  breached?: boolean | undefined;
  testId?: string | undefined;
}) {
  const { t } = useTranslation();
  const now = useNow();
  if (!props.dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const from = props.pausedSince ? Date.parse(props.pausedSince) : now;
  const left = Date.parse(props.dueAt) - from;
  const breached = props.breached || left < 0;
  const atRisk = !breached && props.warnAt != null && Date.parse(props.warnAt) <= from;
  const state = breached ? 'breached' : atRisk ? 'at_risk' : 'ok';
  return (
    <Typography.Text
      data-testid={props.testId}
      data-state={state}
      strong={state !== 'ok'}
      style={{
        color: breached ? '#cf1322' : atRisk ? '#d46b08' : undefined,
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {formatRemaining(left)}
      {props.pausedSince ? ` (${t('service.sla.paused')})` : ''}
    </Typography.Text>
  );
}
