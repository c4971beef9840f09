import { Button, Flex, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssueMap } from './field';

/** A line as the editor holds it: the price in yuan, as typed. */
export interface LineDraft {
  product: string;
  quantity: number | null;
  price: number | null;
}

/** The order lines: product, quantity, internal unit price; server messages under each line. */
export function OrderLinesEditor({
  value,
  onChange,
  issues,
}: {
  value: LineDraft[];
  onChange: (next: LineDraft[]) => void;
  issues: IssueMap;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<LineDraft>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const err = (i: number, f: string) => issues.get(`lines.${i}.${f}`);
  return (
    <Flex vertical gap={6} data-testid="order-lines">
      {value.map((l, i) => {
        const messages = ['product', 'quantity', 'internalPriceMinor']
          .map((f) => err(i, f))
          .filter(Boolean);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
          <Flex key={i} vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              <Input
                style={{ width: 240 }}
                aria-label={`${t('policy.orders.product')} ${i + 1}`}
                placeholder={t('policy.orders.product')}
                value={l.product}
                status={err(i, 'product') ? 'error' : undefined}
                onChange={(e) => set(i, { product: e.target.value })}
              />
              <InputNumber
                style={{ width: 120 }}
                aria-label={`${t('policy.orders.quantity')} ${i + 1}`}
                placeholder={t('policy.orders.quantity')}
                value={l.quantity}
                status={err(i, 'quantity') ? 'error' : undefined}
                onChange={(v) => set(i, { quantity: v })}
              />
              <InputNumber
                style={{ width: 180 }}
                aria-label={`${t('policy.orders.internalPrice')} ${i + 1}`}
                placeholder={t('policy.orders.internalPrice')}
                min={0}
                step={0.01}
                precision={2}
                value={l.price}
                status={err(i, 'internalPriceMinor') ? 'error' : undefined}
                onChange={(v) => set(i, { price: v })}
              />
              <Button
                size="small"
                disabled={value.length <= 1}
                onClick={() => onChange(value.filter((_x, j) => j !== i))}
              >
                {t('policy.orders.removeLine')}
              </Button>
            </Flex>
            {messages.map((m) => (
              <span key={m} style={{ color: 'var(--ant-color-error, #ff4d4f)', fontSize: 12 }}>
                {m}
              </span>
            ))}
          </Flex>
        );
      })}
      <Button
        size="small"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => onChange([...value, { product: '', quantity: 1, price: null }])}
      >
        {t('policy.orders.addLine')}
      </Button>
    </Flex>
  );
}

/** Yuan as typed to integer fen, exactly (no float multiply): 12.3 → 1230. */
export function yuanToMinor(v: number | null): number | null {
  if (v === null) return null;
  const [whole = '0', frac = ''] = v.toFixed(2).split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(frac.padEnd(2, '0')));
}
