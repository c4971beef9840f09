import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { addContact, updateContact } from '../../../api/contacts';
import { CONTACT_ROLES, type Contact, type ContactInput, type ContactRole } from '../../../api/types';
import { applyFieldIssues, errorMessage } from '../../../errors';

interface ContactFormValues {
  name: string;
  title?: string;
  role?: ContactRole;
  isPrimary?: boolean;
  phone?: string;
  email?: string;
  idNumber?: string;
}

const FIELDS = ['name', 'title', 'role', 'isPrimary', 'phone', 'email', 'idNumber'] as const;
const PERSONAL = ['phone', 'email', 'idNumber'] as const;

const blank = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s : null;
};

function toInput(v: ContactFormValues): Required<ContactInput> {
  return {
    name: v.name.trim(),
    title: blank(v.title),
    role: v.role ?? null,
    isPrimary: v.isPrimary ?? false,
    phone: blank(v.phone),
    email: blank(v.email),
    idNumber: blank(v.idNumber),
  };
}

/**
 * What an edit sends: the changed fields only. A reader who sees personal data masked cannot
 * have it in the form, so those inputs start empty and are sent only when filled in.
 */
function changes(before: Contact, v: ContactFormValues): ContactInput {
  const after = toInput(v);
  const out: ContactInput = {};
  for (const k of FIELDS) {
    const personal = (PERSONAL as readonly string[]).includes(k);
    if (personal && before.masked) {
      if (after[k] !== null) Object.assign(out, { [k]: after[k] });
    } else if ((after[k] ?? null) !== (before[k] ?? null)) {
      Object.assign(out, { [k]: after[k] });
    }
  }
  return out;
}

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
        const input = toInput(v);
        const body = Object.fromEntries(Object.entries(input).filter(([, x]) => x !== null));
        return addContact(customerId, body);
      }
      const diff = changes(contact, v);
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
      applyFieldIssues(form, e, FIELDS);
    },
  });

  const stale = save.error instanceof ApiError && save.error.code === 'STALE_VERSION';
  const personalPlaceholder = masked ? t('contacts.hiddenUnchanged') : undefined;
  const initial: Partial<ContactFormValues> = contact
    ? {
        name: contact.name,
        title: contact.title ?? undefined,
        role: contact.role ?? undefined,
        isPrimary: contact.isPrimary,
        ...(masked
          ? {}
          : {
              phone: contact.phone ?? undefined,
              email: contact.email ?? undefined,
              idNumber: contact.idNumber ?? undefined,
            }),
      }
    : { isPrimary: false };

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
          title={stale ? t('contacts.stale') : errorMessage(t, save.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      {masked && (
        <Alert type="info" showIcon title={t('contacts.maskedEditHint')} style={{ marginBottom: 16 }} />
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
            <Form.Item name="isPrimary" label={t('contacts.fields.isPrimary')} valuePropName="checked">
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
