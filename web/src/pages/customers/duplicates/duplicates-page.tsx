import { ArrowLeftOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Flex,
  Progress,
  Slider,
  Space,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { listDuplicates } from '../../../api/customers';
import type { CustomerSummary, DuplicatePair } from '../../../api/types';
import { useAuth } from '../../../auth/auth-provider';
import { errorMessage } from '../../../errors';
import { PageHeader } from '../../../layout/page-header';
import { MergeModal } from './merge-modal';
import { ReasonTags } from './reasons';

const DEFAULT_MIN_SCORE = 0.8;
const PAGE_SIZE = 20;

function minScoreOf(v: string | null): number {
  const n = Number(v);
  return v !== null && Number.isFinite(n) && n >= 0.5 && n <= 1 ? n : DEFAULT_MIN_SCORE;
}

function Side({ c }: { c: CustomerSummary }) {
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/customers/${c.id}`}>{c.name}</Link>
      <Typography.Text type="secondary">{c.code}</Typography.Text>
    </Space>
  );
}

/** Pairs of customers that look like one, strongest first, each with a merge action. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const minScore = minScoreOf(params.get('minScore'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [merging, setMerging] = useState<DuplicatePair>();
  const [slider, setSlider] = useState(minScore);

  const query = useQuery({
    queryKey: ['duplicates', { minScore, page }],
    queryFn: () => listDuplicates({ minScore, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  const columns: TableProps<DuplicatePair>['columns'] = [
    { key: 'a', title: t('duplicates.customerA'), render: (_, p) => <Side c={p.a} /> },
    { key: 'b', title: t('duplicates.customerB'), render: (_, p) => <Side c={p.b} /> },
    {
      key: 'reasons',
      title: t('duplicates.reasonsTitle'),
      render: (_, p) => <ReasonTags reasons={p.reasons} />,
    },
    {
      key: 'score',
      dataIndex: 'score',
      title: t('duplicates.score'),
      width: 150,
      render: (s: number) => (
        <Progress
          percent={Math.round(s * 100)}
          size="small"
          status={s >= 0.9 ? 'exception' : 'normal'}
          format={(p) => `${p}%`}
        />
      ),
    },
  ];
  if (can('customers.write')) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, p) => (
        <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setMerging(p)}>
          {t('duplicates.merge')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('duplicates.title')}
        subtitle={t('duplicates.subtitle')}
        extra={
          <Link to="/customers">
            <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
          </Link>
        }
      />
      <Card>
        <Flex align="center" gap={16} wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('duplicates.minScore')}</Typography.Text>
          <Slider
            min={0.5}
            max={1}
            step={0.05}
            value={slider}
            onChange={setSlider}
            onChangeComplete={(v) => update({ minScore: String(v), page: undefined })}
            tooltip={{ formatter: (v) => `${Math.round((v ?? 0) * 100)}%` }}
            style={{ width: 240 }}
            aria-label={t('duplicates.minScore')}
          />
          <Typography.Text type="secondary">{t('duplicates.minScoreHint')}</Typography.Text>
        </Flex>
        {query.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, query.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<DuplicatePair>
          rowKey={(p) => `${p.a.id}-${p.b.id}`}
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          locale={{ emptyText: t('duplicates.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: query.data?.total ?? 0,
            showTotal: (total) => t('duplicates.total', { count: total }),
            onChange: (p) => update({ page: p === 1 ? undefined : String(p) }),
          }}
          scroll={{ x: 800 }}
        />
      </Card>
      {merging && <MergeModal pair={merging} onClose={() => setMerging(undefined)} />}
    </>
  );
}
