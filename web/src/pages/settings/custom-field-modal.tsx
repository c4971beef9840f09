import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { createCustomField, updateCustomField } from '../../api/custom-fields';
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldDef,
  type CustomFieldInput,
  type CustomFieldOption,
  type CustomFieldType,
} from '../../api/types';
import { applyFieldIssues, formBanner } from '../../errors';
import { REFERENCE_KEYS } from '../../hooks/use-reference-data';
import { CustomFieldOptions } from './custom-field-options';

interface Values {
  key: string;
  type: CustomFieldType;
  labelZh: string;
  labelEn: string;
  required?: boolean;
  position?: number | null;
  options?: Partial<CustomFieldOption>[];
}

const FIELDS = ['key', 'type', 'labelZh', 'labelEn', 'required', 'position', 'options'] as const;
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const hasOptions = (type: CustomFieldType | undefined) =>
  type === 'select' || type === 'multiselect';

function toInput(v: Values): CustomFieldInput {
  const input: CustomFieldInput = {
    key: v.key.trim(),
    type: v.type,
    labelZh: v.labelZh.trim(),
    labelEn: v.labelEn.trim(),
    required: v.required ?? false,
    position: v.position ?? 0,
  };
  if (hasOptions(v.type)) {
    input.options = (v.options ?? []).map((o) => ({
      value: (o.value ?? '').trim(),
      labelZh: (o.labelZh ?? '').trim(),
      labelEn: (o.labelEn ?? '').trim(),
    }));
  }
  return input;
}

/** Defines a custom field (def null) or changes one; the whole definition is sent each time. */
export function CustomFieldModal({
  def,
  onClose,
}: {
  def: CustomFieldDef | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const required = (label: string) => ({
    required: true,
    whitespace: true,
    message: t('customers.form.fieldRequired', { field: label }),
  });

  const save = useMutation({
    mutationFn: (v: Values) =>
      def
        ? updateCustomField(def.id, { ...toInput(v), version: def.version })
        : createCustomField(toInput(v)),
    onSuccess: () => {
      message.success(def ? t('common.saved') : t('customFields.created'));
      queryClient.invalidateQueries({ queryKey: REFERENCE_KEYS.customFields });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        queryClient.invalidateQueries({ queryKey: REFERENCE_KEYS.customFields });
        return;
      }
      applyFieldIssues(form, e, FIELDS, (field, err) =>
        err.code === 'DUPLICATE' && field === 'key' ? t('customFields.keyTaken') : undefined,
      );
    },
  });
  const stale = save.error instanceof ApiError && save.error.code === 'STALE_VERSION';

  const initial: Partial<Values> = def
    ? { ...def, options: def.options ?? [] }
    : { type: 'text', required: false, position: 0, options: [] };

  return (
    <Modal
      open
      width={720}
      title={def ? t('customFields.editTitle') : t('customFields.newTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: stale }}
      destroyOnHidden
    >
      {save.isError && (
        <Alert
          type={stale ? 'warning' : 'error'}
          showIcon
          title={stale ? t('customFields.stale') : formBanner(t, save.error, FIELDS)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="key"
              label={t('customFields.key')}
              extra={def ? t('customFields.keyFixed') : t('customFields.keyHint')}
              rules={[
                required(t('customFields.key')),
                { pattern: KEY_PATTERN, message: t('customFields.keyPattern') },
              ]}
            >
              <Input disabled={!!def} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('customFields.type')} rules={[{ required: true }]}>
              <Select
                options={CUSTOM_FIELD_TYPES.map((v) => ({
                  value: v,
                  label: t(`customFields.types.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="labelZh"
              label={t('customFields.labelZh')}
              rules={[required(t('customFields.labelZh')), { max: 100 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="labelEn"
              label={t('customFields.labelEn')}
              rules={[required(t('customFields.labelEn')), { max: 100 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="required" label={t('customFields.required')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="position" label={t('customFields.position')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {hasOptions(type) && <CustomFieldOptions required={required} />}
      </Form>
    </Modal>
  );
}
