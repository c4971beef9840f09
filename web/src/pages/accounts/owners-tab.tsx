import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountOwner, fetchOwners } from '../../api/accounts';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { ReassignDialog } from './owner-dialogs';
import { PoolCard } from './pool-card';

/** Owners with their load per tier, and the pool with assignment. */
export function OwnersTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manager = can('accounts.manage');
  const [leaving, setLeaving] = useState<AccountOwner | null>(null);
  const owners = useQuery({ queryKey: ['accounts', 'owners'], queryFn: fetchOwners });
  const tiers = owners.data?.tiers ?? [];
  const list = owners.data?.owners ?? [];
  return (
    <Flex vertical gap={16}>
      {owners.isError && <Alert type="error" showIcon title={errorMessage(t, owners.error)} />}
      <Card
        title={t('accounts.owners.title')}
        extra={
          owners.data && (
            <Typography.Text type={owners.data.needingOwner.total ? 'danger' : 'secondary'}>
              {t('accounts.owners.needing', { count: owners.data.needingOwner.total })}
            </Typography.Text>
          )
        }
      >
        <Table<AccountOwner>
          size="small"
          rowKey="id"
          data-testid="owners-table"
          loading={owners.isLoading}
          dataSource={list.filter((o) => o.customers > 0 || o.active)}
          pagination={{ pageSize: 10 }}
          columns={[
            {
              title: t('accounts.owners.name'),
              dataIndex: 'displayName',
              render: (v: string, r) => (
                <>
                  {v} {!r.active && <Tag color="red">{t('accounts.owners.inactive')}</Tag>}
                </>
              ),
            },
            { title: t('accounts.owners.region'), dataIndex: 'region' },
            { title: t('accounts.owners.customers'), dataIndex: 'customers', align: 'right' },
            { title: t('accounts.owners.load'), dataIndex: 'load', align: 'right' },
            {
              title: t('accounts.owners.byTier'),
              key: 'byTier',
              render: (_: unknown, r) =>
                [...tiers, '-']
                  .filter((x) => r.byTier[x])
                  .map((x) => (
                    <Tag
                      key={x}
                    >{`${x === '-' ? t('accounts.owners.noTier') : x}: ${r.byTier[x]}`}</Tag>
                  )),
            },
            ...(manager
              ? [
                  {
                    title: t('accounts.plans.actions'),
                    key: 'actions',
                    render: (_: unknown, r: AccountOwner) =>
                      r.customers > 0 && (
                        <Button
                          size="small"
                          data-testid={`reassign-${r.id}`}
                          onClick={() => setLeaving(r)}
                        >
                          {t('accounts.owners.reassign')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <PoolCard tiers={tiers} owners={list} manager={manager} />
      <ReassignDialog from={leaving} owners={list} onClose={() => setLeaving(null)} />
    </Flex>
  );
}
