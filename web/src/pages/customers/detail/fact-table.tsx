import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteFact, type Fact, type FactKind, factExportUrl, listFacts } from '../../../api/facts';
import { useAuth } from '../../../auth/auth-provider';
import { errorMessage } from '../../../errors';
import { useOwners } from '../../../hooks/use-reference-data';
import { factColumns } from './fact-columns';
import { FactModal } from './fact-modal';

const PAGE_SIZE = 10;

/** The facts of one kind: a page of them, record one, delete one, export all. */
export function FactTable({
  customerId,
  kind,
  writable,
}: {
  customerId: number;
  kind: FactKind;
  writable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const owners = useOwners();
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState(false);
  const query = useQuery({
    queryKey: ['facts', customerId, kind, page],
    queryFn: () => listFacts(customerId, kind, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (id: number) => deleteFact(kind, id),
    onSuccess: () => {
      message.success(t('facts.deleted'));
      queryClient.invalidateQueries({ queryKey: ['facts', customerId, kind] });
      queryClient.invalidateQueries({ queryKey: ['timeline', customerId] });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  const columns = factColumns(kind, t, i18n.language, owners.data ?? []);
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 64,
      fixed: 'end',
      render: (_: unknown, f: Fact) => (
        <Popconfirm
          title={t('facts.deleteConfirm')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutateAsync(f.id)}
        >
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
          />
        </Popconfirm>
      ),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <div>
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t('facts.record', { kind: t(`facts.one.${kind}`) })}
            </Button>
          )}
        </div>
        {can('customers.export') && (
          <Space size={4}>
            <Button
              icon={<DownloadOutlined />}
              href={factExportUrl(kind, 'csv', customerId)}
              download
            >
              {t('export.csv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={factExportUrl(kind, 'xlsx', customerId)}
              download
            >
              {t('export.xlsx')}
            </Button>
          </Space>
        )}
      </Flex>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, query.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Fact>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('facts.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
      />
      {recording && (
        <FactModal customerId={customerId} kind={kind} onClose={() => setRecording(false)} />
      )}
    </>
  );
}
