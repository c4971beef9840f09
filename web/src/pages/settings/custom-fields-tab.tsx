import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCustomField } from '../../api/custom-fields';
import type { CustomFieldDef } from '../../api/types';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { localized } from '../../format';
import { REFERENCE_KEYS, useCustomFieldDefs } from '../../hooks/use-reference-data';
import { CustomFieldModal } from './custom-field-modal';

/** The custom fields of the customer file: everyone who reads customers sees them; admins edit. */
export function CustomFieldsTab() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const defs = useCustomFieldDefs();
  const manage = can('settings.manage');
  // undefined: closed; null: creating; a definition: editing it.
  const [editing, setEditing] = useState<CustomFieldDef | null | undefined>(undefined);
  const lng = i18n.language;

  const remove = useMutation({
    mutationFn: (id: number) => deleteCustomField(id),
    onSuccess: () => {
      message.success(t('customFields.deleted'));
      queryClient.invalidateQueries({ queryKey: REFERENCE_KEYS.customFields });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  const columns: TableProps<CustomFieldDef>['columns'] = [
    { key: 'position', dataIndex: 'position', title: t('customFields.position'), width: 80 },
    {
      key: 'key',
      dataIndex: 'key',
      title: t('customFields.key'),
      render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
    },
    {
      key: 'label',
      title: t('customFields.label'),
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          {localized(d.labelZh, d.labelEn, lng)}
          <Typography.Text type="secondary">{localized(d.labelEn, d.labelZh, lng)}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'type',
      dataIndex: 'type',
      title: t('customFields.type'),
      render: (v: CustomFieldDef['type']) => <Tag>{t(`customFields.types.${v}`)}</Tag>,
    },
    {
      key: 'required',
      dataIndex: 'required',
      title: t('customFields.required'),
      render: (v: boolean) => (v ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
    },
    {
      key: 'options',
      title: t('customFields.options'),
      render: (_, d) =>
        d.options?.length
          ? d.options.map((o) => (
              <Tag key={o.value} title={o.value} style={{ marginBottom: 2 }}>
                {localized(o.labelZh, o.labelEn, lng)}
              </Tag>
            ))
          : t('common.none'),
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 96,
      render: (_, d) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('customFields.editNamed', { key: d.key })}
            onClick={() => setEditing(d)}
          />
          <Popconfirm
            title={t('customFields.deleteConfirm', { key: d.key })}
            description={t('customFields.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(d.id)}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('customFields.deleteNamed', { key: d.key })}
            />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          {manage ? t('customFields.intro') : t('customFields.readOnly')}
        </Typography.Text>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('customFields.new')}
          </Button>
        )}
      </Flex>
      {defs.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, defs.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<CustomFieldDef>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={defs.data ?? []}
        loading={defs.isLoading}
        pagination={false}
        locale={{ emptyText: t('customFields.empty') }}
        scroll={{ x: 800 }}
      />
      {editing !== undefined && (
        <CustomFieldModal def={editing} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}
