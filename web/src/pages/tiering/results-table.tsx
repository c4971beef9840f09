import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  listResults,
  type Movement,
  type ResultRow,
  type ResultsFilter,
  resultsFileUrl,
  type SchemeDocument,
} from '../../api/tiering';
import { errorMessage } from '../../errors';
import { currentLanguage } from '../../i18n';
import { ExplanationDrawer } from './explanation-drawer';
import { formatScore, localized, tierLabel } from './labels';
import { movementOf } from './movement';

const MOVEMENTS: Movement[] = ['up', 'down', 'any'];

/** A run's results, paged on the server, filtered by tier, movement and code or name. */
export function ResultsTable({ runId, doc }: { runId: number; doc: SchemeDocument }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<ResultsFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<ResultRow>();
  const results = useQuery({
    queryKey: ['tiering', 'results', runId, filter, page, pageSize],
    queryFn: () => listResults(runId, filter, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const change = (next: ResultsFilter) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(1);
  };
  const tierName = (id: string | null) => tierLabel(t, doc, id, i18n.language);

  const columns: TableProps<ResultRow>['columns'] = [
    { key: 'rank', dataIndex: 'rank', title: t('tiering.results.rank'), width: 80 },
    {
      key: 'code',
      dataIndex: 'code',
      title: t('tiering.results.code'),
      width: 140,
      render: (code: string, r) => <Link to={`/customers/${r.customerId}`}>{code}</Link>,
    },
    { key: 'name', dataIndex: 'name', title: t('tiering.results.name'), ellipsis: true },
    {
      key: 'score',
      dataIndex: 'score',
      title: t('tiering.results.score'),
      width: 100,
      render: (s: number | null) => formatScore(s),
    },
    {
      key: 'tier',
      dataIndex: 'tier',
      title: t('tiering.results.tier'),
      width: 140,
      render: (tier: string) => <Tag color="blue">{tierName(tier)}</Tag>,
    },
    {
      key: 'previous',
      dataIndex: 'previousTier',
      title: t('tiering.results.published'),
      width: 160,
      render: (prev: string | null, r) => {
        const m = movementOf(doc, prev, r.tier);
        return (
          <Space>
            {prev ? tierName(prev) : t('common.none')}
            {m === 'up' && (
              <ArrowUpOutlined
                style={{ color: '#389e0d' }}
                aria-label={t('tiering.results.movedUp')}
              />
            )}
            {m === 'down' && (
              <ArrowDownOutlined
                style={{ color: '#cf1322' }}
                aria-label={t('tiering.results.movedDown')}
              />
            )}
          </Space>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_: unknown, r) => (
        <Button size="small" type="link" onClick={() => setOpen(r)}>
          {t('tiering.results.explain')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small">
      <Flex wrap gap={8} style={{ marginBottom: 12 }} justify="space-between">
        <Space wrap>
          <Select
            allowClear
            style={{ width: 180 }}
            aria-label={t('tiering.results.filterTier')}
            placeholder={t('tiering.results.filterTier')}
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
            aria-label={t('tiering.results.filterMoved')}
            placeholder={t('tiering.results.filterMoved')}
            value={filter.moved}
            onChange={(moved?: Movement) => change({ moved })}
            options={MOVEMENTS.map((m) => ({ value: m, label: t(`tiering.results.moved.${m}`) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('tiering.results.search')}
            aria-label={t('tiering.results.search')}
            onSearch={(q) => change({ q })}
          />
        </Space>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={resultsFileUrl(runId, 'csv', filter, currentLanguage())}
            download
          >
            {t('tiering.results.csv')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            href={resultsFileUrl(runId, 'xlsx', filter, currentLanguage())}
            download
          >
            {t('tiering.results.xlsx')}
          </Button>
        </Space>
      </Flex>
      {results.isError && <Tag color="error">{errorMessage(t, results.error)}</Tag>}
      <Table<ResultRow>
        rowKey="customerId"
        size="middle"
        columns={columns}
        dataSource={results.data?.items ?? []}
        loading={results.isFetching}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onDoubleClick: () => setOpen(r) })}
        pagination={{
          current: page,
          pageSize,
          total: results.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('tiering.results.total', { count: total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      {open && (
        <ExplanationDrawer runId={runId} row={open} doc={doc} onClose={() => setOpen(undefined)} />
      )}
    </Card>
  );
}
