import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AutomationFiring, listFirings, RULE_KEYS, type RuleKey } from '../../api/automation';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { EvidenceDrawer } from './evidence-view';

const PAGE_SIZE = 20;

/** The firings log: filter by rule and customer, open one to see its evidence. */
export function FiringsLog() {
  const { t, i18n } = useTranslation();
  const [rule, setRule] = useState<RuleKey | undefined>();
  const [customerId, setCustomerId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<AutomationFiring | undefined>();
  const list = useQuery({
    queryKey: ['automation', 'firings', rule, customerId, page],
    queryFn: () => listFirings({ rule, customerId, page, pageSize: PAGE_SIZE }),
  });
  return (
    <Card size="small" title={t('automation.firings.title')}>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select<RuleKey | ''>
          style={{ minWidth: 240 }}
          aria-label={t('automation.firings.rule')}
          data-testid="firings-rule"
          value={rule ?? ''}
          onChange={(v) => {
            setRule(v === '' ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: '', label: t('automation.firings.allRules') },
            ...RULE_KEYS.map((k) => ({ value: k, label: t(`automation.rule.${k}.name`) })),
          ]}
        />
        <InputNumber
          min={1}
          placeholder={t('automation.firings.customerId')}
          aria-label={t('automation.firings.customerId')}
          value={customerId}
          onChange={(v) => {
            setCustomerId(v ?? undefined);
            setPage(1);
          }}
        />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<AutomationFiring>
        rowKey="id"
        size="small"
        data-testid="firings-table"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('automation.firings.none') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('automation.firings.firedAt'),
            dataIndex: 'firedAt',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          {
            title: t('automation.firings.rule'),
            dataIndex: 'rule',
            render: (v: RuleKey) => t(`automation.rule.${v}.name`),
          },
          {
            title: t('automation.firings.customer'),
            dataIndex: 'customerCode',
            render: (code: string, r) => (
              <Link to={`/customers/${r.customerId}`}>
                {code} {r.customerName}
              </Link>
            ),
          },
          { title: t('automation.firings.period'), dataIndex: 'period' },
          {
            title: t('automation.firings.source'),
            dataIndex: 'source',
            render: (v: AutomationFiring['source']) => <Tag>{t(`automation.source.${v}`)}</Tag>,
          },
          {
            key: 'open',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setOpen(r)} data-testid={`firing-open-${r.id}`}>
                {t('automation.firings.open')}
              </Button>
            ),
          },
        ]}
      />
      <EvidenceDrawer firing={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}
