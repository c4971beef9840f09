import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConditionGap, SchemeDocument } from '../../api/tiering';
import { metricKeyLabel } from './metric-catalog';

const num = (v: number | null | undefined) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : String(Math.round(v * 100) / 100);

/** One failing comparison, attribute or tag as a sentence in the UI language. */
function leafText(t: TFunction, doc: SchemeDocument, gap: ConditionGap, lng: string): string {
  if (gap.kind === 'metric') {
    const metric = metricKeyLabel(t, doc, gap.metric ?? '', lng);
    if (gap.op === 'missing' || gap.op === 'present')
      return t(`tiering.explain.gap.${gap.op}`, { metric });
    const base = t('tiering.explain.gap.metric', {
      metric,
      op: gap.op ?? '',
      value: num(gap.value),
      current: num(gap.current),
    });
    return gap.change !== undefined
      ? `${base} ${t('tiering.explain.gap.change', { change: `${gap.change > 0 ? '+' : ''}${num(gap.change)}` })}`
      : base;
  }
  if (gap.kind === 'attribute') {
    return t('tiering.explain.gap.attribute', {
      attribute: gap.attribute ?? '',
      values: (gap.in ?? []).join(', '),
      current: gap.currentLabel ?? '—',
    });
  }
  if (gap.kind === 'tag') {
    return gap.required === false
      ? t('tiering.explain.gap.tagForbidden', { tag: gap.tag ?? '' })
      : t('tiering.explain.gap.tagRequired', { tag: gap.tag ?? '' });
  }
  return t(`tiering.explain.gap.${gap.kind}`);
}

/** What a failing condition lacks, as a nested list (all / any / not groups indent their parts). */
export function ConditionGapView({ gap, doc }: { gap: ConditionGap; doc: SchemeDocument }) {
  const { t, i18n } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      <li>
        {leafText(t, doc, gap, i18n.language)}
        {gap.parts?.map((p) => (
          <ConditionGapView key={p.path} gap={p} doc={doc} />
        ))}
      </li>
    </ul>
  );
}
