import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentTerm, TierPolicy } from '../../api/policies';
import { Field, type IssueMap } from './field';

/** A code not yet on the ladder for a new rung ("term_1", "term_2", …). */
function freshId(terms: PaymentTerm[]): string {
  const taken = new Set(terms.map((x) => x.id));
  let n = terms.length + 1;
  while (taken.has(`term_${n}`)) n += 1;
  return `term_${n}`;
}

/**
 * Edits the ladder rung by rung: names in both languages, credit days, order (most generous
 * first) and removal. A rung some tier uses says which and cannot be removed; a saved rung
 * keeps its code, since adjustments and queued orders refer to it.
 */
export function LadderEditor({
  terms,
  tiers,
  savedIds,
  issues,
  onChange,
}: {
  terms: PaymentTerm[];
  tiers: TierPolicy[];
  savedIds: ReadonlySet<string>;
  issues: IssueMap;
  onChange: (next: PaymentTerm[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<PaymentTerm>) =>
    onChange(terms.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...terms];
    const [rung] = next.splice(i, 1);
    if (rung) next.splice(i + by, 0, rung);
    onChange(next);
  };
  return (
    <Flex vertical gap={8} data-testid="payment-ladder">
      {terms.map((term, i) => {
        const err = (f: string) => issues.get(`catalog.paymentTerms.${i}.${f}`);
        const usedBy = tiers.filter((p) => p.paymentTerm === term.id).map((p) => p.tier);
        const label = t('policy.ladder.rung', { n: i + 1 });
        return (
          <Flex
            // biome-ignore lint/suspicious/noArrayIndexKey: a new rung's code is edited in place, so only its place is stable
            key={i}
            gap={12}
            align="flex-end"
            wrap
            data-testid={`ladder-rung-${i}`}
            style={{ paddingBottom: 8, borderBottom: '1px dashed rgba(0,0,0,0.08)' }}
          >
            <Typography.Text strong style={{ minWidth: 56 }}>
              {label}
            </Typography.Text>
            <Field label={t('policy.ladder.id')} error={err('id')}>
              <Input
                aria-label={`${t('policy.ladder.id')} ${i + 1}`}
                value={term.id}
                disabled={savedIds.has(term.id) || usedBy.length > 0}
                status={err('id') ? 'error' : undefined}
                onChange={(e) => set(i, { id: e.target.value })}
              />
            </Field>
            <Field label={t('policy.ladder.nameZh')} error={err('name.zh')}>
              <Input
                aria-label={`${t('policy.ladder.nameZh')} ${i + 1}`}
                value={term.name.zh}
                status={err('name.zh') ? 'error' : undefined}
                onChange={(e) => set(i, { name: { ...term.name, zh: e.target.value } })}
              />
            </Field>
            <Field label={t('policy.ladder.nameEn')} error={err('name.en')}>
              <Input
                aria-label={`${t('policy.ladder.nameEn')} ${i + 1}`}
                value={term.name.en}
                status={err('name.en') ? 'error' : undefined}
                onChange={(e) => set(i, { name: { ...term.name, en: e.target.value } })}
              />
            </Field>
            <Field label={t('policy.ladder.creditDays')} error={err('creditDays')}>
              <InputNumber
                aria-label={`${t('policy.ladder.creditDays')} ${i + 1}`}
                value={term.creditDays}
                precision={0}
                status={err('creditDays') ? 'error' : undefined}
                onChange={(v) => set(i, { creditDays: v ?? 0 })}
              />
            </Field>
            <Flex gap={4} align="center" wrap>
              <Tooltip title={t('policy.ladder.moveUp')}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={`${t('policy.ladder.moveUp')} ${i + 1}`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                />
              </Tooltip>
              <Tooltip title={t('policy.ladder.moveDown')}>
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={`${t('policy.ladder.moveDown')} ${i + 1}`}
                  disabled={i === terms.length - 1}
                  onClick={() => move(i, 1)}
                />
              </Tooltip>
              <Tooltip
                title={
                  usedBy.length > 0
                    ? t('policy.ladder.usedBy', { tiers: usedBy.join(', ') })
                    : t('policy.ladder.remove')
                }
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('policy.ladder.remove')} ${i + 1}`}
                  disabled={usedBy.length > 0 || terms.length === 1}
                  onClick={() => onChange(terms.filter((_, j) => j !== i))}
                />
              </Tooltip>
              {usedBy.length > 0 ? (
                <Tag color="blue">{t('policy.ladder.usedBy', { tiers: usedBy.join(', ') })}</Tag>
              ) : (
                <Typography.Text type="secondary">{t('policy.ladder.unused')}</Typography.Text>
              )}
            </Flex>
          </Flex>
        );
      })}
      <div>
        <Button
          icon={<PlusOutlined />}
          data-testid="ladder-add"
          onClick={() =>
            onChange([...terms, { id: freshId(terms), name: { zh: '', en: '' }, creditDays: 0 }])
          }
        >
          {t('policy.ladder.add')}
        </Button>
      </div>
    </Flex>
  );
}
