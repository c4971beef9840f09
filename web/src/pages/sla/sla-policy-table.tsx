import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../api/sla';
import { localized } from '../../format';
import { matchText, stepText, targetText } from './sla-text';

/**
 * The policies as a table: match columns, targets, calendar, warning and escalation. Issues the
 * server named for a policy (`policies.<i>.…`) show under its name.
 */
export function SlaPolicyTable({
  policies,
  readOnly,
  issues,
  onEdit,
  onRemove,
}: {
  policies: SlaPolicy[];
  readOnly: boolean;
  issues: Map<number, string[]>;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const rows = policies.map((p, index) => ({ ...p, index }));
  return (
    <Table<SlaPolicy & { index: number }>
      size="small"
      rowKey="key"
      data-testid="sla-policy-table"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1100 }}
      onRow={(r) => ({ 'data-testid': `sla-row-${r.key}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('sla.col.name'),
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>
                {localized(r.name.zh, r.name.en, i18n.language)}
              </Typography.Text>
              <Typography.Text type="secondary" code>
                {r.key}
              </Typography.Text>
              {(issues.get(r.index) ?? []).map((m) => (
                <Typography.Text key={m} type="danger" data-testid="sla-row-issue">
                  {m}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
        { title: t('sla.col.tier'), render: (_, r) => matchText(t, r, 'tier') },
        { title: t('sla.col.level'), render: (_, r) => matchText(t, r, 'level') },
        { title: t('sla.col.category'), render: (_, r) => matchText(t, r, 'category') },
        {
          title: t('sla.target.firstReply'),
          render: (_, r) => targetText(t, r.targets.firstReply),
          onCell: (r) =>
            ({ 'data-testid': `sla-${r.key}-firstReply` }) as React.HTMLAttributes<HTMLElement>,
        },
        {
          title: t('sla.target.response'),
          render: (_, r) => targetText(t, r.targets.response),
          onCell: (r) =>
            ({ 'data-testid': `sla-${r.key}-response` }) as React.HTMLAttributes<HTMLElement>,
        },
        {
          title: t('sla.target.resolution'),
          render: (_, r) => targetText(t, r.targets.resolution),
          onCell: (r) =>
            ({ 'data-testid': `sla-${r.key}-resolution` }) as React.HTMLAttributes<HTMLElement>,
        },
        { title: t('sla.col.calendar'), render: (_, r) => <Tag>{r.calendar}</Tag> },
        { title: t('sla.col.warnAt'), render: (_, r) => `${Math.round(r.warnAt * 100)}%` },
        {
          title: t('sla.col.escalation'),
          render: (_, r) =>
            r.escalation.length ? (
              <Space orientation="vertical" size={0}>
                {r.escalation.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity of their own
                  <Typography.Text key={i}>{stepText(t, s)}</Typography.Text>
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
        ...(readOnly
          ? []
          : [
              {
                title: t('sla.col.actions'),
                render: (_: unknown, r: SlaPolicy & { index: number }) => (
                  <Space>
                    <Button
                      size="small"
                      data-testid={`sla-edit-${r.key}`}
                      onClick={() => onEdit(r.index)}
                    >
                      {t('sla.edit')}
                    </Button>
                    <Button size="small" danger onClick={() => onRemove(r.index)}>
                      {t('sla.remove')}
                    </Button>
                  </Space>
                ),
              },
            ]),
      ]}
    />
  );
}
