import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CycleDetail,
  listProposals,
  type Proposal,
  type ProposalFilter,
  proposalsFileUrl,
} from '../../api/reviews';
import type { SchemeDocument } from '../../api/tiering';
import { useAuth } from '../../auth/auth-provider';
import { currentLanguage } from '../../i18n';
import { localized } from '../tiering/labels';
import { currentStep, ownsStep } from './labels';
import { proposalColumns } from './proposal-columns';
import { type EditKind, ProposalDrawer } from './proposal-drawer';
import { reviewError } from './review-errors';

const EDIT_KINDS: readonly string[] = ['rate', 'finance', 'revise'];

/**
 * The evaluation form (《客户质量等级评估表》): the cycle's proposals, paged on the server and
 * filtered; the owners of a rating, finance or revision step edit lines in a drawer.
 */
export function ProposalsTable({ cycle, doc }: { cycle: CycleDetail; doc: SchemeDocument }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const [filter, setFilter] = useState<ProposalFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Proposal>();
  const query = useQuery({
    queryKey: ['reviews', 'proposals', cycle.id, filter, page, pageSize],
    queryFn: () => listProposals(cycle.id, filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const change = (next: ProposalFilter) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const step = currentStep(cycle);
  const kind = step && EDIT_KINDS.includes(step.kind) ? (step.kind as EditKind) : undefined;
  const editable = kind !== undefined && ownsStep(me, step);

  return (
    <Card size="small">
      <Flex wrap gap={8} style={{ marginBottom: 12 }} justify="space-between">
        <Space wrap>
          <Select
            allowClear
            style={{ width: 160 }}
            aria-label={t('reviews.form.filterTier')}
            placeholder={t('reviews.form.filterTier')}
            value={filter.tier}
            onChange={(tier?: string) => change({ tier })}
            options={doc.tiers.map((x) => ({
              value: x.id,
              label: localized(x.name, i18n.language),
            }))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            aria-label={t('reviews.form.filterChanged')}
            placeholder={t('reviews.form.filterChanged')}
            value={filter.changed}
            onChange={(changed?: 'true' | 'false') => change({ changed })}
            options={[
              { value: 'true', label: t('reviews.form.changedYes') },
              { value: 'false', label: t('reviews.form.changedNo') },
            ]}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            aria-label={t('reviews.form.filterPending')}
            placeholder={t('reviews.form.filterPending')}
            value={filter.pending}
            onChange={(pending?: 'rate' | 'finance') => change({ pending })}
            options={[
              { value: 'rate', label: t('reviews.form.pendingRate') },
              { value: 'finance', label: t('reviews.form.pendingFinance') },
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('reviews.form.search')}
            aria-label={t('reviews.form.search')}
            onSearch={(q) => change({ q })}
          />
        </Space>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={proposalsFileUrl(cycle.id, currentLanguage())}
            download
          >
            {t('reviews.form.xlsx')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            href={`/reviews/${cycle.id}/print`}
            target="_blank"
            rel="noopener"
          >
            {t('reviews.form.print')}
          </Button>
        </Space>
      </Flex>
      {kind && editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`reviews.form.hint.${kind}`)}
        />
      )}
      {query.isError && <Alert type="error" showIcon title={reviewError(t, query.error)} />}
      <Table<Proposal>
        rowKey="customerId"
        size="middle"
        data-testid="proposals-table"
        columns={proposalColumns(t, i18n.language, doc, editable ? setEditing : undefined)}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 1500 }}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('reviews.form.total', { count: total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      {editing && kind && (
        <ProposalDrawer
          key={editing.customerId}
          cycleId={cycle.id}
          kind={kind}
          proposal={editing}
          doc={doc}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
