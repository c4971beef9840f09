import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AccountOwner, autoAssign, fetchPool, type PoolCustomer } from '../../api/accounts';
import { errorMessage } from '../../errors';
import { AssignDialog } from './owner-dialogs';

/**
 * The pool: customers of pooled tiers and customers without an active owner, with "Assign
 * to…" for the chosen ones and "Auto-assign" for everyone who needs an owner.
 */
export function PoolCard({
  tiers,
  owners: list,
  manager,
}: {
  tiers: string[];
  owners: AccountOwner[];
  manager: boolean;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [tier, setTier] = useState<string | undefined>();
  const [onlyNeeding, setOnlyNeeding] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [assigning, setAssigning] = useState(false);
  const pool = useQuery({
    queryKey: ['accounts', 'pool', tier, onlyNeeding, page],
    queryFn: () =>
      fetchPool({ tier, needsOwner: onlyNeeding ? true : undefined, page, pageSize: 20 }),
  });
  const auto = useMutation({
    mutationFn: () => autoAssign({}),
    onSuccess: async (r) => {
      message.success(
        t('accounts.pool.autoAssigned', { count: r.changed.length, left: r.unassigned.length }),
      );
      await qc.invalidateQueries({ queryKey: ['accounts'] });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });
  // A dry run first, so the manager sees how many customers would move before anything does.
  const preview = useMutation({
    mutationFn: () => autoAssign({ dryRun: true }),
    onSuccess: (r) =>
      modal.confirm({
        title: t('accounts.pool.autoAssign'),
        content: t('accounts.pool.autoAssignConfirm', {
          count: r.changed.length,
          left: r.unassigned.length,
        }),
        okButtonProps: { disabled: r.changed.length === 0 },
        onOk: () => auto.mutateAsync(),
      }),
    onError: (e) => message.error(errorMessage(t, e)),
  });
  return (
    <>
      <Card title={t('accounts.pool.title')}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ minWidth: 120 }}
            placeholder={t('accounts.pool.filterTier')}
            aria-label={t('accounts.pool.filterTier')}
            value={tier}
            onChange={(v) => {
              setTier(v);
              setPage(1);
            }}
            options={tiers.map((x) => ({ value: x, label: x }))}
          />
          <Checkbox
            checked={onlyNeeding}
            onChange={(e) => {
              setOnlyNeeding(e.target.checked);
              setPage(1);
            }}
          >
            {t('accounts.pool.onlyNeeding')}
          </Checkbox>
          {manager && (
            <>
              <Button
                type="primary"
                data-testid="assign-button"
                disabled={selected.length === 0}
                onClick={() => setAssigning(true)}
              >
                {t('accounts.pool.assignTo')}
              </Button>
              <Button
                data-testid="auto-assign"
                loading={preview.isPending || auto.isPending}
                onClick={() => preview.mutate()}
              >
                {t('accounts.pool.autoAssign')}
              </Button>
            </>
          )}
        </Flex>
        <Table<PoolCustomer>
          size="small"
          rowKey="customerId"
          data-testid="pool-table"
          loading={pool.isLoading}
          dataSource={pool.data?.items ?? []}
          rowSelection={
            manager
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }
              : undefined
          }
          pagination={{
            current: page,
            pageSize: 20,
            total: pool.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('accounts.plans.code'),
              dataIndex: 'code',
              render: (code: string, r) => <Link to={`/customers/${r.customerId}`}>{code}</Link>,
            },
            { title: t('accounts.plans.name'), dataIndex: 'name' },
            { title: t('accounts.plans.tier'), dataIndex: 'tier' },
            {
              title: t('accounts.pool.model'),
              dataIndex: 'model',
              render: (v: PoolCustomer['model'], r) => (
                <>
                  {v && t(`accounts.models.${v}`)}{' '}
                  {r.needsOwner && <Tag color="red">{t('accounts.pool.needsOwner')}</Tag>}
                </>
              ),
            },
            { title: t('accounts.owners.region'), dataIndex: 'region' },
            {
              title: t('accounts.plans.owner'),
              dataIndex: 'ownerName',
              render: (v: string | null) => v ?? '-',
            },
            {
              title: t('accounts.pool.exceptionsTo'),
              dataIndex: 'exceptionsTo',
              render: (v: PoolCustomer['exceptionsTo']) => v?.name ?? '-',
            },
          ]}
        />
      </Card>
      <AssignDialog
        customerIds={selected}
        owners={list}
        open={assigning}
        onClose={(done) => {
          setAssigning(false);
          if (done) setSelected([]);
        }}
      />
    </>
  );
}
