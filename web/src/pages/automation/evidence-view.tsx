import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AutomationFiring } from '../../api/automation';
import { formatDate, formatDateTime, formatMoney } from '../../format';

const KEYS = [
  'quarter',
  'lateCount',
  'minLate',
  'steps',
  'orderCount',
  'firstOrderOn',
  'lastOrderOn',
  'averageIntervalDays',
  'k',
  'expectedBy',
  'daysSilent',
  'average',
  'responses',
  'window',
  'previousAverage',
  'previousResponses',
  'previousWindow',
  'threshold',
  'fallingBy',
  'reasons',
  'tag',
  'months',
  'from',
  'to',
  'complaints',
  'lastComplaintOn',
  'tier',
  'since',
  'runId',
  'firstDealOn',
  'dueOn',
  'years',
  'cutoff',
] as const;
type EvidenceKey = (typeof KEYS)[number];

interface LateInvoice {
  invoiceNo: string;
  amountMinor: number;
  dueOn: string;
  paidOn: string | null;
  daysLate: number;
}

function show(t: TFunction, v: unknown, lng: string): string {
  if (Array.isArray(v))
    return v
      .map((x) =>
        x === 'below_threshold'
          ? t('automation.evidence.below_threshold')
          : x === 'falling'
            ? t('automation.evidence.falling')
            : String(x),
      )
      .join(', ');
  if (v && typeof v === 'object' && 'from' in v && 'to' in v)
    return `${String(v.from)} – ${String(v.to)}`;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, lng);
  if (typeof v === 'number') return v.toLocaleString(lng);
  return v === null || v === undefined ? '—' : String(v);
}

/** What a firing did, in the user's language. */
function actionText(t: TFunction, a: AutomationFiring['actions'][number]): string {
  switch (a.type) {
    case 'term_adjustment':
      return t('automation.action.term_adjustment', { steps: Number(a.steps) });
    case 'tag':
      return t('automation.action.tag', { tag: String(a.tag) });
    case 'review':
      return t('automation.action.review');
    case 'elimination_candidate':
      return t('automation.action.elimination_candidate');
    case 'notify':
      return t('automation.action.notify', { count: (a.userIds as unknown[]).length });
    default:
      return t('automation.action.alert');
  }
}

/** A firing's evidence and actions, labelled in the user's language. */
export function EvidenceDrawer({
  firing,
  onClose,
}: {
  firing: AutomationFiring | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const ev = firing?.evidence ?? {};
  const invoices = (ev.invoices as LateInvoice[] | undefined) ?? [];
  const shown = KEYS.filter((k: EvidenceKey) => k in ev);
  return (
    <Drawer
      open={firing !== undefined}
      onClose={onClose}
      size={640}
      title={
        firing &&
        t('automation.firings.drawerTitle', {
          rule: t(`automation.rule.${firing.rule}.name`),
          code: firing.customerCode,
          name: firing.customerName,
        })
      }
    >
      {firing && (
        <div data-testid="firing-evidence">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('automation.firings.firedAt')}>
              {formatDateTime(firing.firedAt, lng)}
            </Descriptions.Item>
            <Descriptions.Item label={t('automation.firings.source')}>
              {t(`automation.source.${firing.source}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('automation.firings.dedupeKey')}>
              <Typography.Text code>{firing.dedupeKey}</Typography.Text>
            </Descriptions.Item>
            {shown.map((k) => (
              <Descriptions.Item key={k} label={t(`automation.evidence.${k}`)}>
                {show(t, ev[k], lng)}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('automation.firings.actions')}>
              {firing.actions.map((a) => (
                <Tag key={a.type}>{actionText(t, a)}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          {invoices.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('automation.evidence.invoices')}
              </Typography.Title>
              <Table<LateInvoice>
                size="small"
                rowKey="invoiceNo"
                pagination={false}
                dataSource={invoices}
                columns={[
                  { title: t('automation.evidence.invoiceNo'), dataIndex: 'invoiceNo' },
                  {
                    title: t('automation.evidence.dueOn'),
                    dataIndex: 'dueOn',
                    render: (v: string) => formatDate(v, lng),
                  },
                  {
                    title: t('automation.evidence.paidOn'),
                    dataIndex: 'paidOn',
                    render: (v: string | null) =>
                      v ? formatDate(v, lng) : t('automation.evidence.unpaid'),
                  },
                  {
                    title: t('automation.evidence.daysLate'),
                    dataIndex: 'daysLate',
                    align: 'right',
                  },
                  {
                    title: t('automation.evidence.amountMinor'),
                    dataIndex: 'amountMinor',
                    align: 'right',
                    render: (v: number) => formatMoney(v, lng),
                  },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
