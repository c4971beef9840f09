import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { checkOrder, type OrderCheck, type OrderInput, submitOrder } from '../../api/orders';
import { getCustomerPolicy } from '../../api/policies';
import { errorMessage } from '../../errors';
import { localized } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { CustomerPicker } from './customer-picker';
import { Field } from './field';
import { type LineDraft, OrderLinesEditor, yuanToMinor } from './order-lines-editor';
import { OrderQueueTable } from './order-queue-table';
import { OrderResult } from './order-result';

/**
 * Checks an order against the customer's tier policy (price floor, payment terms, lead time)
 * and shows every reason it is refused; an allowed order goes to the queue below.
 */
export function OrderCheckPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // ?customer=<code>: the customer page's "Check an order" link picks the customer.
  const [params] = useSearchParams();
  const [customerId, setCustomerId] = useState<number | undefined>();
  const [lines, setLines] = useState<LineDraft[]>([{ product: '', quantity: 1, price: null }]);
  const [discount, setDiscount] = useState<number | null>(0);
  const [term, setTerm] = useState<string | undefined>();
  const [delivery, setDelivery] = useState('');
  const [rush, setRush] = useState(false);
  const [result, setResult] = useState<OrderCheck | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const policy = useQuery({
    queryKey: ['customers', customerId, 'policy'],
    queryFn: () => getCustomerPolicy(customerId as number),
    enabled: customerId !== undefined,
  });
  const issues = useMemo(() => {
    const m = new Map<string, string>();
    if (error instanceof ApiError) for (const i of error.issues) m.set(i.field, i.message);
    return m;
  }, [error]);

  const body = (): OrderInput => ({
    customerId: customerId as number,
    lines: lines.map((l) => ({
      product: l.product,
      quantity: l.quantity,
      internalPriceMinor: yuanToMinor(l.price),
    })),
    requestedDiscountPct: discount,
    paymentTerm: term ?? '',
    deliveryDate: delivery,
    rush,
  });
  // Any edit makes the last answer stale: it must be checked again before submitting.
  const edited =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setResult(undefined);
    };

  async function run(kind: 'check' | 'submit') {
    setBusy(true);
    setError(undefined);
    try {
      if (kind === 'check') setResult(await checkOrder(body()));
      else {
        const o = await submitOrder(body());
        message.success(t('policy.orders.submitted', { id: o.id }));
        setResult(undefined);
        await queryClient.invalidateQueries({ queryKey: ['orders', 'queue'] });
      }
    } catch (e) {
      // Refused on submission (the policy changed since the check): show the fresh reasons.
      if (e instanceof ApiError && e.code === 'ORDER_REFUSED' && e.details.check)
        setResult(e.details.check as OrderCheck);
      else {
        setError(e);
        setResult(undefined);
      }
    } finally {
      setBusy(false);
    }
  }

  const p = policy.data;
  const ladder = p?.paymentTerms ?? [];
  const generalError =
    error !== undefined && issues.size === 0 ? errorMessage(t, error) : undefined;
  return (
    <>
      <PageHeader title={t('policy.orders.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <CustomerPicker
              value={customerId}
              onChange={edited(setCustomerId)}
              code={params.get('customer')}
            />
            {p && (
              <Space size={4} wrap data-testid="customer-policy">
                <Tag color={p.tier ? 'blue' : 'default'}>
                  {p.tier ? t('policy.orders.tierOf', { tier: p.tier }) : t('policy.orders.noTier')}
                </Tag>
                {p.paymentTerm && (
                  <Tag>
                    {t('policy.orders.termOf', {
                      term: localized(p.paymentTerm.name.zh, p.paymentTerm.name.en, i18n.language),
                    })}
                  </Tag>
                )}
                {p.policy?.leadTimeDays != null && (
                  <Tag>{t('policy.orders.leadOf', { days: p.policy.leadTimeDays })}</Tag>
                )}
                {p.termAdjustments.map((a) => (
                  <Tag key={a.id} color="orange">
                    {t('policy.orders.adjusted', { steps: a.steps, reason: a.reason })}
                  </Tag>
                ))}
              </Space>
            )}
          </Flex>
          <Typography.Text strong>{t('policy.orders.lines')}</Typography.Text>
          <OrderLinesEditor value={lines} onChange={edited(setLines)} issues={issues} />
          <Flex gap={16} wrap>
            <Field label={t('policy.orders.discount')} error={issues.get('requestedDiscountPct')}>
              <InputNumber
                data-testid="order-discount"
                aria-label={t('policy.orders.discount')}
                value={discount}
                step={1}
                onChange={edited(setDiscount)}
              />
            </Field>
            <Field label={t('policy.orders.paymentTerm')} error={issues.get('paymentTerm')}>
              <Select
                data-testid="order-term"
                aria-label={t('policy.orders.paymentTerm')}
                style={{ minWidth: 220 }}
                value={term}
                onChange={edited(setTerm)}
                options={ladder.map((x) => ({
                  value: x.id,
                  label: localized(x.name.zh, x.name.en, i18n.language),
                }))}
              />
            </Field>
            <Field label={t('policy.orders.deliveryDate')} error={issues.get('deliveryDate')}>
              <Input
                type="date"
                data-testid="order-delivery"
                aria-label={t('policy.orders.deliveryDate')}
                value={delivery}
                onChange={(e) => edited(setDelivery)(e.target.value)}
              />
            </Field>
            <Field label={t('policy.orders.rush')} error={issues.get('rush')}>
              <Switch
                checked={rush}
                onChange={edited(setRush)}
                aria-label={t('policy.orders.rush')}
              />
            </Field>
          </Flex>
          {generalError && <Alert type="error" showIcon title={generalError} />}
          <Space>
            <Button
              type="primary"
              data-testid="order-check"
              disabled={customerId === undefined}
              loading={busy}
              onClick={() => run('check')}
            >
              {t('policy.orders.check')}
            </Button>
            {result?.allowed && (
              <Button data-testid="order-submit" loading={busy} onClick={() => run('submit')}>
                {t('policy.orders.submit')}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>
      {result && <OrderResult result={result} />}
      <OrderQueueTable />
    </>
  );
}
