import { Col, Row, Slider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchemeDocument } from '../../api/tiering';
import { criterionLabel, tierLabel } from './labels';

export type Numbers = Record<string, number>;

/** The values a what-if panel can move, all taken from the scheme version. */
export interface Levers {
  quotas: Numbers;
  thresholds: Numbers;
  weights: Numbers;
}

/** The scheme version's own quotas, thresholds and weights: the sliders' starting point. */
export function leversOf(doc: SchemeDocument): Levers {
  const r = doc.assignment.ranking;
  return {
    quotas: Object.fromEntries(
      r?.kind === 'quotas' ? r.quotas.map((q) => [q.tier, q.percent]) : [],
    ),
    thresholds: Object.fromEntries(
      r?.kind === 'thresholds' ? r.thresholds.map((x) => [x.tier, x.minScore]) : [],
    ),
    weights: Object.fromEntries(doc.criteria.map((c) => [c.id, c.weight])),
  };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The smallest quota a slider leaves a tier: the server refuses a quota of 0. */
const MIN_QUOTA = 1;

/**
 * Quotas must add up to 100%, so moving one tier's share settles the difference with the
 * others, lowest tier first (the catch-all in most ladders): a growing share takes from them
 * down to MIN_QUOTA each, a shrinking one hands its share to the lowest other tier.
 */
export function moveQuota(
  quotas: Numbers,
  order: readonly string[],
  tier: string,
  v: number,
): Numbers {
  const others = [...order].reverse().filter((x) => x !== tier && x in quotas);
  const current = quotas[tier] ?? 0;
  const lowest = others[0];
  if (lowest === undefined) return quotas;
  const next = { ...quotas };
  const want = round2(Math.max(v, MIN_QUOTA)) - current;
  if (want <= 0) {
    next[lowest] = round2((next[lowest] ?? 0) - want);
    next[tier] = round2(current + want);
    return next;
  }
  let taken = 0;
  for (const o of others) {
    const take = Math.min(Math.max(0, (next[o] ?? 0) - MIN_QUOTA), want - taken);
    next[o] = round2((next[o] ?? 0) - take);
    taken += take;
    if (taken >= want) break;
  }
  next[tier] = round2(current + taken);
  return next;
}

/** Sliders for quotas, thresholds and weights of one scheme version. */
export function WhatIfSliders({
  doc,
  levers,
  onChange,
}: {
  doc: SchemeDocument;
  levers: Levers;
  onChange: (next: Levers) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const order = doc.tiers.map((x) => x.id);
  const scale = doc.score?.scale ?? 100;
  const original = leversOf(doc);

  const slider = (
    label: string,
    value: number,
    max: number,
    step: number,
    set: (v: number) => void,
    testId: string,
    min = 0,
  ) => (
    <Col key={testId} xs={24} md={12}>
      <Typography.Text>
        {label}: <Typography.Text strong>{value}</Typography.Text>
      </Typography.Text>
      <Slider
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={set}
        ariaLabelForHandle={label}
        data-testid={testId}
      />
    </Col>
  );

  const nothing =
    Object.keys(levers.quotas).length === 0 &&
    Object.keys(levers.thresholds).length === 0 &&
    doc.criteria.length <= 1;
  return (
    <>
      {nothing && <Typography.Text type="secondary">{t('tiering.whatIf.nothing')}</Typography.Text>}
      {Object.keys(levers.quotas).length > 0 && (
        <>
          <Typography.Title level={5}>{t('tiering.whatIf.quotas')}</Typography.Title>
          <Row gutter={24}>
            {order
              .filter((id) => id in levers.quotas)
              .map((id) =>
                slider(
                  t('tiering.whatIf.quotaOf', { tier: tierLabel(t, doc, id, lng) }),
                  levers.quotas[id] ?? 0,
                  100,
                  1,
                  (v) => onChange({ ...levers, quotas: moveQuota(levers.quotas, order, id, v) }),
                  `quota-${id}`,
                  MIN_QUOTA,
                ),
              )}
          </Row>
        </>
      )}
      {Object.keys(levers.thresholds).length > 0 && (
        <>
          <Typography.Title level={5}>{t('tiering.whatIf.thresholds')}</Typography.Title>
          <Row gutter={24}>
            {order
              .filter((id) => id in levers.thresholds)
              .map((id) =>
                slider(
                  t('tiering.whatIf.thresholdOf', { tier: tierLabel(t, doc, id, lng) }),
                  levers.thresholds[id] ?? 0,
                  scale,
                  scale > 10 ? 1 : 0.1,
                  (v) => onChange({ ...levers, thresholds: { ...levers.thresholds, [id]: v } }),
                  `threshold-${id}`,
                ),
              )}
          </Row>
        </>
      )}
      {doc.criteria.length > 1 && (
        <>
          <Typography.Title level={5}>{t('tiering.whatIf.weights')}</Typography.Title>
          <Row gutter={24}>
            {doc.criteria.map((c) => {
              const base = original.weights[c.id] ?? 1;
              const step = base >= 1 ? 1 : 0.1;
              return slider(
                criterionLabel(doc, c.id, lng),
                levers.weights[c.id] ?? base,
                Math.max(base * 3, 10),
                step,
                (v) => onChange({ ...levers, weights: { ...levers.weights, [c.id]: v } }),
                `weight-${c.id}`,
                step,
              );
            })}
          </Row>
        </>
      )}
    </>
  );
}
