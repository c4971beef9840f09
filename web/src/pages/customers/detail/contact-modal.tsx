import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { addContact, updateContact } from '../../../api/contacts';
import { CONTACT_ROLES, type Contact } from '../../../api/types';
import { applyFieldIssues, formBanner } from '../../../errors';
import {
  CONTACT_FIELDS,
  type ContactFormValues,
  contactChanges,
  initialContactValues,
  toContactInput,
} from './contact-form';

/** Adds a contact (contact null) or edits one. */
export function ContactModal({
  customerId,
  contact,
  onClose,
}: {
  customerId: number;
  contact: Contact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ContactFormValues>();
  const masked = contact?.masked ?? false;

  const save = useMutation({
    mutationFn: async (v: ContactFormValues) => {
      if (!contact) {
        const input = toContactInput(v);
        const body = Object.fromEntries(Object.entries(input).filter(([, x]) => x !== null));
        return addContact(customerId, body);
      }
      const diff = contactChanges(contact, v);
      if (Object.keys(diff).length === 0) return contact;
      return updateContact(contact.id, { ...diff, version: contact.version });
    },
    onSuccess: () => {
      message.success(contact ? t('common.saved') : t('contacts.added'));
      queryClient.invalidateQueries({ queryKey: ['contacts', customerId] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        queryClient.invalidateQueries({ queryKey: ['contacts', customerId] });
        return;
      }
      applyFieldIssues(form, e, CONTACT_FIELDS);
    },
  });

  const stale = save.error instanceof ApiError && save.error.code === 'STALE_VERSION';
  const personalPlaceholder = masked ? t('contacts.hiddenUnchanged') : undefined;
  const initial = initialContactValues(contact);

  return (
    <Modal
      open
      title={contact ? t('contacts.editTitle') : t('contacts.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: stale }}
      destroyOnHidden
      width={640}
    >
      {save.isError && (
        <Alert
          type={stale ? 'warning' : 'error'}
          showIcon
          title={stale ? t('contacts.stale') : formBanner(t, save.error, CONTACT_FIELDS)}
          style={{ marginBottom: 16 }}
        />
      )}
      {masked && (
        <Alert
          type="info"
          showIcon
          title={t('contacts.maskedEditHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<ContactFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('contacts.fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('contacts.nameRequired') },
                { max: 100, message: t('customers.form.tooLong', { max: 100 }) },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="title"
              label={t('contacts.fields.title')}
              rules={[{ max: 100, message: t('customers.form.tooLong', { max: 100 }) }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="role" label={t('contacts.fields.role')}>
              <Select
                allowClear
                placeholder={t('customers.form.select')}
                options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="isPrimary"
              label={t('contacts.fields.isPrimary')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('contacts.fields.phone')}>
              <Input placeholder={personalPlaceholder ?? '138 1234 5678'} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('contacts.fields.email')}
              rules={[{ type: 'email', message: t('contacts.emailInvalid') }]}
            >
              <Input placeholder={personalPlaceholder} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="idNumber" label={t('contacts.fields.idNumber')}>
              <Input placeholder={personalPlaceholder} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
