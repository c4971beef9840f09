import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchOwners, fetchPlans, generatePlans, type PlanLine } from '../../api/accounts';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { LogVisitModal } from './log-visit-modal';

/** A month's visit plans, planned vs done per customer, with visit logging and generation. */
export function PlansTab({ month }: { month: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const manager = can('accounts.manage');
  const qc = useQueryClient();
  const [ownerId, setOwnerId] = useState<number | undefined>();
  const [visiting, setVisiting] = useState<PlanLine | null>(null);
  const plans = useQuery({
    queryKey: ['accounts', 'plans', month, ownerId],
    queryFn: () => fetchPlans(month, ownerId),
  });
  const owners = useQuery({
    queryKey: ['accounts', 'owners'],
    queryFn: fetchOwners,
    enabled: manager,
  });
  const generate = useMutation({
    mutationFn: () => generatePlans(month),
    onSuccess: async (r) => {
      message.success(t('accounts.plans.generated', { month: r.month, lines: r.lines }));
      await qc.invalidateQueries({ queryKey: ['accounts'] });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });
  const generateButton = (onClick?: () => void) => (
    <Button
      type="primary"
      data-testid="generate-plans"
      loading={generate.isPending}
      onClick={onClick}
    >
      {t('accounts.plans.generate')}
    </Button>
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        {manager && (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 220 }}
            placeholder={t('accounts.plans.allOwners')}
            aria-label={t('accounts.plans.owner')}
            value={ownerId}
            onChange={setOwnerId}
            options={(owners.data?.owners ?? [])
              .filter((o) => o.customers > 0)
              .map((o) => ({ value: o.id, label: o.displayName }))}
          />
        )}
        {manager &&
          (plans.data?.generated ? (
            <Popconfirm
              title={t('accounts.plans.regenerateConfirm')}
              onConfirm={() => generate.mutate()}
            >
              {generateButton()}
            </Popconfirm>
          ) : (
            generateButton(() => generate.mutate())
          ))}
        {plans.data?.generated && (
          <Typography.Text data-testid="plans-progress">
            {t('accounts.plans.progress', {
              planned: plans.data.planned,
              done: plans.data.done,
            })}
          </Typography.Text>
        )}
      </Flex>
      {plans.isError && <Alert type="error" showIcon title={errorMessage(t, plans.error)} />}
      {plans.data && !plans.data.generated && (
        <Alert type="info" showIcon title={t('accounts.plans.notGenerated')} />
      )}
      <Table<PlanLine>
        rowKey="customerId"
        size="small"
        data-testid="plans-table"
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('accounts.plans.code'),
            dataIndex: 'code',
            render: (code: string, r) => <Link to={`/customers/${r.customerId}`}>{code}</Link>,
          },
          { title: t('accounts.plans.name'), dataIndex: 'name' },
          {
            title: t('accounts.plans.tier'),
            dataIndex: 'tier',
            render: (v: string, r) => (
              <>
                <Tag>{v}</Tag>
                {r.priority && <Tag color="gold">{t('accounts.plans.priority')}</Tag>}
              </>
            ),
          },
          {
            title: t('accounts.plans.owner'),
            dataIndex: 'ownerName',
            render: (v: string | null) => v ?? t('accounts.coverage.noOwner'),
          },
          { title: t('accounts.plans.planned'), dataIndex: 'planned', align: 'right' },
          {
            title: t('accounts.plans.done'),
            dataIndex: 'done',
            align: 'right',
            render: (v: number, r) => (
              <Typography.Text
                data-testid={`done-${r.customerId}`}
                type={v >= r.planned ? 'success' : v === 0 ? 'danger' : undefined}
              >
                {v}
              </Typography.Text>
            ),
          },
          { title: t('accounts.plans.ceiling'), dataIndex: 'ceiling', align: 'right' },
          {
            title: t('accounts.plans.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Button
                size="small"
                data-testid={`log-visit-${r.customerId}`}
                onClick={() => setVisiting(r)}
              >
                {t('accounts.plans.logVisit')}
              </Button>
            ),
          },
        ]}
      />
      <LogVisitModal customer={visiting} onClose={() => setVisiting(null)} />
    </Flex>
  );
}
