import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainSla, type SlaExplanation, type SlaTier } from '../../api/sla';
import { errorMessage } from '../../errors';
import { formatDateTime, localized } from '../../format';
import { levelText, matchText, targetText } from './sla-text';

const NO_TIER = '';

/** Now as "YYYY-MM-DD HH:mm" in China time (UTC+8), the shipped calendars' zone. */
function nowInChina(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * "YYYY-MM-DD HH:mm" (China time) or a full ISO instant → an ISO instant with an offset; other
 * text is passed on for the server to refuse by name.
 */
function toInstant(text: string): string {
  const s = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(s);
  return m ? `${m[1]}T${m[2]}:00+08:00` : s;
}

interface Values {
  tier: string;
  level: number;
  category: string;
  openedAt: string;
}

/** "Which policy applies?": the winner, every candidate with why it lost, and the deadlines. */
export function SlaExplainPanel({ tiers }: { tiers: SlaTier[] }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<SlaExplanation>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function run(v: Values) {
    setBusy(true);
    setError(undefined);
    try {
      setResult(
        await explainSla({
          tier: v.tier === NO_TIER ? null : v.tier,
          level: v.level,
          category: v.category.trim(),
          openedAt: toInstant(v.openedAt),
        }),
      );
    } catch (e) {
      setResult(undefined);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const when = (iso: string | null) =>
    iso ? formatDateTime(iso, i18n.language) : t('sla.explain.paused');
  return (
    <Card
      size="small"
      title={t('sla.explain.title')}
      data-testid="sla-explain"
      style={{ marginTop: 16 }}
    >
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{
          tier: tiers[0]?.id ?? NO_TIER,
          level: 3,
          category: 'complaint',
          openedAt: nowInChina(),
        }}
        onFinish={run}
      >
        <Form.Item name="tier" label={t('sla.col.tier')}>
          <Select
            style={{ width: 160 }}
            data-testid="sla-explain-tier"
            options={[
              { value: NO_TIER, label: t('sla.explain.noTier') },
              ...tiers.map((x) => ({
                value: x.id,
                label: `${x.id} · ${localized(x.name.zh, x.name.en, i18n.language)}`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item name="level" label={t('sla.col.level')}>
          <Select
            style={{ width: 150 }}
            data-testid="sla-explain-level"
            options={[1, 2, 3, 4].map((l) => ({ value: l, label: levelText(t, l) }))}
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('sla.col.category')}
          rules={[{ required: true, message: t('sla.form.required') }]}
        >
          <Input style={{ width: 200 }} data-testid="sla-explain-category" />
        </Form.Item>
        <Form.Item
          name="openedAt"
          label={t('sla.explain.openedAt')}
          tooltip={t('sla.explain.openedAtHelp')}
        >
          <Input style={{ width: 180 }} data-testid="sla-explain-opened" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="sla-explain-run">
          {t('sla.explain.run')}
        </Button>
      </Form>
      {error !== undefined && (
        <Alert style={{ marginTop: 12 }} type="error" showIcon title={errorMessage(t, error)} />
      )}
      {result && (
        <div style={{ marginTop: 12 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('sla.explain.winner')}>
              <span data-testid="sla-explain-winner">
                {result.winner
                  ? `${localized(result.winner.name.zh, result.winner.name.en, i18n.language)} (${result.winner.key})`
                  : t('sla.explain.none')}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('sla.explain.deadlines')}</Typography.Title>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={result.targets}
            onRow={(r) =>
              ({ 'data-testid': `sla-due-${r.key}` }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('sla.explain.target'), render: (_, r) => t(`sla.target.${r.key}`) },
              { title: t('sla.explain.amount'), render: (_, r) => targetText(t, r) },
              {
                title: t('sla.explain.from'),
                render: (_, r) => (
                  <Space>
                    <Typography.Text code>{r.policyKey}</Typography.Text>
                    {r.inherited && <Tag>{t('sla.explain.inherited')}</Tag>}
                  </Space>
                ),
              },
              { title: t('sla.col.calendar'), render: (_, r) => <Tag>{r.calendar}</Tag> },
              { title: t('sla.explain.warn'), render: (_, r) => when(r.warnAt) },
              {
                title: t('sla.explain.due'),
                render: (_, r) => <span data-testid={`sla-due-at-${r.key}`}>{when(r.dueAt)}</span>,
              },
              {
                title: t('sla.col.escalation'),
                render: (_, r) =>
                  r.escalations.map((e) => `${t(`sla.role.${e.role}`)} ${when(e.at)}`).join('; ') ||
                  '—',
              },
            ]}
          />
          <Typography.Title level={5}>{t('sla.explain.candidates')}</Typography.Title>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={result.candidates}
            data-testid="sla-explain-candidates"
            columns={[
              {
                title: t('sla.col.name'),
                render: (_, r) => `${localized(r.name.zh, r.name.en, i18n.language)} (${r.key})`,
              },
              { title: t('sla.col.tier'), render: (_, r) => matchText(t, r, 'tier') },
              { title: t('sla.col.level'), render: (_, r) => matchText(t, r, 'level') },
              { title: t('sla.col.category'), render: (_, r) => matchText(t, r, 'category') },
              {
                title: t('sla.explain.why'),
                render: (_, r) =>
                  r.outcome === 'winner' ? (
                    <Tag color="green">{t('sla.explain.outcome.winner')}</Tag>
                  ) : r.outcome === 'less_specific' ? (
                    t('sla.explain.lessSpecific', {
                      by: r.beatenBy,
                      step: t(`sla.explain.lostOn.${r.lostOn ?? 'fields'}`),
                    })
                  ) : (
                    r.mismatches
                      .map((m) =>
                        t('sla.explain.mismatch', {
                          field: t(`sla.col.${m.field as 'tier' | 'level' | 'category'}`),
                          wanted: m.wanted,
                          got: m.got ?? t('sla.explain.noTier'),
                        }),
                      )
                      .join('; ')
                  ),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
