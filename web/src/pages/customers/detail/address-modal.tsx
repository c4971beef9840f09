import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { addAddress } from '../../../api/contacts';
import { ADDRESS_KINDS, type AddressInput, type AddressKind } from '../../../api/types';
import { applyFieldIssues, formBanner } from '../../../errors';

interface AddressFormValues {
  kind: AddressKind;
  label?: string;
  province?: string;
  city?: string;
  district?: string;
  line: string;
  postalCode?: string;
}

const FIELDS = ['kind', 'label', 'province', 'city', 'district', 'line', 'postalCode'] as const;

const blank = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s : undefined;
};

function toInput(v: AddressFormValues): AddressInput {
  const input: AddressInput = { kind: v.kind, line: v.line.trim() };
  for (const k of ['label', 'province', 'city', 'district', 'postalCode'] as const) {
    const s = blank(v[k]);
    if (s) input[k] = s;
  }
  return input;
}

/**
 * Adds an address. The server resolves province / city / district to a GB/T 2260 code and
 * names the part it could not resolve, which lands on that input.
 */
export function AddressModal({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AddressFormValues>();
  const max = (n: number) => ({ max: n, message: t('customers.form.tooLong', { max: n }) });

  const save = useMutation({
    mutationFn: (v: AddressFormValues) => addAddress(customerId, toInput(v)),
    onSuccess: () => {
      message.success(t('addresses.added'));
      queryClient.invalidateQueries({ queryKey: ['addresses', customerId] });
      onClose();
    },
    onError: (e) => {
      // regionCode is resolved by the server; a problem with it is one with the names given.
      applyFieldIssues(form, e, FIELDS);
    },
  });

  return (
    <Modal
      open
      title={t('addresses.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={formBanner(t, save.error, FIELDS)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<AddressFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'head_office' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('addresses.fields.kind')} rules={[{ required: true }]}>
              <Select
                options={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`addresses.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="label" label={t('addresses.fields.label')} rules={[max(100)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="province" label={t('addresses.fields.province')} rules={[max(50)]}>
              <Input placeholder={t('addresses.provincePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="city" label={t('addresses.fields.city')} rules={[max(50)]}>
              <Input placeholder={t('addresses.cityPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="district" label={t('addresses.fields.district')} rules={[max(50)]}>
              <Input placeholder={t('addresses.districtPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="line"
              label={t('addresses.fields.line')}
              rules={[
                { required: true, whitespace: true, message: t('addresses.lineRequired') },
                max(300),
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="postalCode"
              label={t('addresses.fields.postalCode')}
              rules={[{ pattern: /^\d{6}$/, message: t('addresses.postalCodePattern') }]}
            >
              <Input maxLength={6} />
            </Form.Item>
          </Col>
        </Row>
        <div style={{ color: '#8c8c8c' }}>{t('addresses.regionHint')}</div>
      </Form>
    </Modal>
  );
}
