import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, InputNumber, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type EliminationCandidate, eliminationCandidates } from '../../api/lifecycle';
import { listSchemes } from '../../api/tiering';
import { errorMessage } from '../../errors';
import { formatDate, formatMoney, localized } from '../../format';
import { PageHeader } from '../../layout/page-header';

/**
 * Customers stuck in a scheme's bottom tier for N consecutive years (seed 002: three), with the
 * evidence; a manager opens one to start its termination from the customer page.
 */
export default function EliminationPage() {
  const { t, i18n } = useTranslation();
  const schemes = useQuery({ queryKey: ['tiering', 'schemes'], queryFn: listSchemes });
  const [picked, setPicked] = useState<number | undefined>();
  const [years, setYears] = useState(3);
  const schemeId = picked ?? schemes.data?.find((s) => s.serviceTier)?.id ?? schemes.data?.[0]?.id;
  const list = useQuery({
    queryKey: ['elimination', schemeId, years],
    queryFn: () => eliminationCandidates(schemeId!, years),
    enabled: schemeId !== undefined,
  });
  return (
    <>
      <PageHeader title={t('lifecycle.elimination.title')} />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 260 }}
          aria-label={t('lifecycle.elimination.scheme')}
          value={schemeId}
          onChange={setPicked}
          options={(schemes.data ?? []).map((s) => ({
            value: s.id,
            label: localized(s.nameZh, s.nameEn, i18n.language),
          }))}
        />
        <Typography.Text>{t('lifecycle.elimination.years')}</Typography.Text>
        <InputNumber
          min={1}
          max={20}
          value={years}
          aria-label={t('lifecycle.elimination.years')}
          onChange={(v) => setYears(v ?? 3)}
        />
        {list.data?.bottomTier && (
          <Typography.Text type="secondary">
            {t('lifecycle.elimination.bottomTier', { tier: list.data.bottomTier })}
          </Typography.Text>
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<EliminationCandidate>
        rowKey="customerId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('lifecycle.elimination.none') }}
        columns={[
          {
            title: t('lifecycle.elimination.code'),
            dataIndex: 'code',
            render: (code: string, r) => <Link to={`/customers/${r.customerId}`}>{code}</Link>,
          },
          { title: t('lifecycle.elimination.name'), dataIndex: 'name' },
          {
            title: t('lifecycle.elimination.since'),
            dataIndex: 'bottomSince',
            render: (v: string) => formatDate(v, i18n.language),
          },
          { title: t('lifecycle.elimination.changes'), dataIndex: 'tierChanges', align: 'right' },
          {
            title: t('lifecycle.elimination.revenue'),
            dataIndex: 'revenueMinor12m',
            align: 'right',
            render: (v: number) => formatMoney(v, i18n.language),
          },
        ]}
      />
    </>
  );
}
