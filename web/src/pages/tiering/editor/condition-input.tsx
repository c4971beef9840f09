import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../api/tiering';

const SHAPES = ['all', 'any', 'not', 'metric', 'attribute', 'tag'] as const;
type Shape = (typeof SHAPES)[number];
const OPS = ['>=', '>', '<=', '<', '==', '!=', 'missing', 'present'] as const;
/** Attributes a condition can test (the server also takes custom.<field key>). */
const ATTRIBUTES = ['type', 'size', 'region', 'province', 'city', 'industry', 'source', 'owner'];

function shapeOf(c: Condition | undefined): Shape {
  return SHAPES.find((s) => c?.[s] !== undefined) ?? 'metric';
}

/** A fresh condition of a shape, so switching shape never leaves another shape's keys behind. */
function blank(shape: Shape, metric: string): Condition {
  switch (shape) {
    case 'all':
      return { all: [{ metric, op: '>=', value: 0 }] };
    case 'any':
      return { any: [{ metric, op: '>=', value: 0 }] };
    case 'not':
      return { not: { metric, op: '>=', value: 0 } };
    case 'attribute':
      return { attribute: 'type', in: [] };
    case 'tag':
      return { tag: '' };
    default:
      return { metric, op: '>=', value: 0 };
  }
}

function shapeOptions(t: TFunction) {
  return SHAPES.map((s) => ({ value: s, label: t(`tiering.condition.shapes.${s}`) }));
}

/**
 * A condition as nested inputs: all / any groups list their parts (each a condition again),
 * `not` wraps one, and the leaves compare a metric, match an attribute or test a tag. Works as a
 * controlled form input (`value` / `onChange`).
 */
export function ConditionInput({
  value,
  onChange,
  metricKeys,
  disabled,
}: {
  value?: Condition;
  onChange?: (next: Condition) => void;
  metricKeys: string[];
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const c = value ?? blank('metric', metricKeys[0] ?? '');
  const shape = shapeOf(c);
  const set = (next: Condition) => onChange?.(next);
  const firstMetric = metricKeys[0] ?? '';
  const child = (node: Condition, change: (n: Condition) => void) => (
    <ConditionInput value={node} onChange={change} metricKeys={metricKeys} disabled={disabled} />
  );

  let body: ReactNode = null;
  if (shape === 'all' || shape === 'any') {
    const parts = c[shape] ?? [];
    body = (
      <Flex
        vertical
        gap={8}
        style={{ paddingInlineStart: 16, borderInlineStart: '2px solid #d9d9d9' }}
      >
        {parts.map((p, i) => (
          // Parts have no identity of their own; their position is what the scheme stores.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Flex key={i} gap={8} align="start">
            <div style={{ flex: 1 }}>
              {child(p, (n) => set({ [shape]: parts.map((x, k) => (k === i ? n : x)) }))}
            </div>
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('tiering.condition.removePart')}
              disabled={disabled || parts.length <= 1}
              onClick={() => set({ [shape]: parts.filter((_, k) => k !== i) })}
            />
          </Flex>
        ))}
        <Button
          icon={<PlusOutlined />}
          size="small"
          style={{ alignSelf: 'start' }}
          disabled={disabled}
          onClick={() => set({ [shape]: [...parts, blank('metric', firstMetric)] })}
        >
          {t('tiering.condition.addPart')}
        </Button>
      </Flex>
    );
  } else if (shape === 'not') {
    body = (
      <div style={{ paddingInlineStart: 16, borderInlineStart: '2px solid #d9d9d9' }}>
        {child(c.not ?? blank('metric', firstMetric), (n) => set({ not: n }))}
      </div>
    );
  }

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Select
          style={{ width: 150 }}
          value={shape}
          disabled={disabled}
          aria-label={t('tiering.condition.shape')}
          options={shapeOptions(t)}
          onChange={(s: Shape) => set(blank(s, firstMetric))}
        />
        {shape === 'metric' && (
          <>
            <Select
              style={{ width: 200 }}
              value={c.metric}
              disabled={disabled}
              showSearch
              aria-label={t('tiering.editor.metric')}
              options={metricKeys.map((k) => ({ value: k, label: k }))}
              onChange={(metric: string) => set({ ...c, metric })}
            />
            <Select
              style={{ width: 110 }}
              value={c.op}
              disabled={disabled}
              aria-label={t('tiering.condition.op')}
              options={OPS.map((o) => ({ value: o, label: t(`tiering.condition.ops.${o}`) }))}
              onChange={(op: string) =>
                set(
                  op === 'missing' || op === 'present'
                    ? { metric: c.metric ?? firstMetric, op }
                    : { metric: c.metric ?? firstMetric, op, value: c.value ?? 0 },
                )
              }
            />
            {c.op !== 'missing' && c.op !== 'present' && (
              <InputNumber
                style={{ width: 140 }}
                value={c.value}
                disabled={disabled}
                aria-label={t('tiering.condition.value')}
                onChange={(v) => set({ ...c, value: v ?? 0 })}
              />
            )}
          </>
        )}
        {shape === 'attribute' && (
          <>
            <Select
              style={{ width: 160 }}
              value={c.attribute}
              disabled={disabled}
              aria-label={t('tiering.condition.attribute')}
              options={ATTRIBUTES.map((a) => ({
                value: a,
                label: t(
                  `tiering.condition.attributes.${a}` as 'tiering.condition.attributes.type',
                ),
              }))}
              onChange={(attribute: string) => set({ attribute, in: [] })}
            />
            <Select
              mode="tags"
              style={{ minWidth: 240 }}
              value={c.in}
              disabled={disabled}
              aria-label={t('tiering.condition.values')}
              placeholder={t('tiering.condition.valuesHint')}
              onChange={(values: string[]) => set({ ...c, in: values })}
            />
          </>
        )}
        {shape === 'tag' && (
          <Input
            style={{ width: 200 }}
            value={c.tag}
            disabled={disabled}
            aria-label={t('tiering.condition.tag')}
            onChange={(e) => set({ tag: e.target.value })}
          />
        )}
      </Flex>
      {body}
    </Flex>
  );
}
