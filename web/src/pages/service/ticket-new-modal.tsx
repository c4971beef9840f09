import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UploadFile } from 'antd';
import { Alert, App, Button, Form, Input, Modal, Select, TreeSelect, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listContacts } from '../../api/contacts';
import {
  createTicket,
  TICKET_CHANNELS,
  type TicketChannel,
  uploadAttachment,
} from '../../api/tickets';
import { applyFieldIssues, formBanner } from '../../errors';
import { CustomerPicker } from '../policies/customer-picker';
import { LEVELS, useCategoryTree } from './ticket-taxonomy';

interface Values {
  customerId: number;
  contactId?: number;
  channel: TicketChannel;
  category: string;
  level?: number;
  subject: string;
  description?: string;
}

const FIELDS = [
  'customerId',
  'contactId',
  'channel',
  'category',
  'level',
  'subject',
  'description',
];

/** The "New ticket" dialog: customer, contact, channel, category, level, text, attachments. */
export function TicketNewModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const customerId = Form.useWatch('customerId', form);
  const { treeData } = useCategoryTree();
  const contacts = useQuery({
    queryKey: ['contacts', customerId],
    queryFn: () => listContacts(customerId as number),
    enabled: customerId !== undefined,
  });
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const d = await createTicket(v);
      for (const f of files)
        if (f.originFileObj) await uploadAttachment(d.ticket.id, f.originFileObj);
      return d;
    },
    onSuccess: (d) => {
      message.success(t('service.form.created', { reference: d.ticket.reference }));
      qc.invalidateQueries({ queryKey: ['tickets'] });
      form.resetFields();
      setFiles([]);
      setBanner(null);
      onCreated(d.ticket.id);
    },
    onError: (e) => {
      applyFieldIssues(form, e, FIELDS);
      setBanner(formBanner(t, e, FIELDS));
    },
  });
  const required = [{ required: true, message: t('service.form.required') }];
  return (
    <Modal
      open={open}
      title={t('service.tickets.new')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('service.form.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          data-testid="ticket-new-submit"
          loading={save.isPending}
          onClick={() => form.submit()}
        >
          {t('service.form.submit')}
        </Button>,
      ]}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="customerId" label={t('service.form.customer')} rules={required}>
          <CustomerPicker
            value={customerId}
            onChange={(id) =>
              form.setFieldsValue({ customerId: id as number, contactId: undefined })
            }
          />
        </Form.Item>
        <Form.Item name="contactId" label={t('service.form.contact')}>
          <Select
            allowClear
            data-testid="ticket-new-contact"
            options={(contacts.data ?? []).map((c) => ({
              value: c.id,
              label: c.phone ? `${c.name} ${c.phone}` : c.name,
            }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('service.form.channel')} rules={required}>
          <Select
            data-testid="ticket-new-channel"
            options={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`service.channel.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('service.form.category')} rules={required}>
          <TreeSelect
            data-testid="ticket-new-category"
            treeData={treeData}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll={false}
          />
        </Form.Item>
        <Form.Item name="level" label={t('service.form.level')}>
          <Select
            allowClear
            data-testid="ticket-new-level"
            placeholder={t('service.form.levelDefault')}
            options={LEVELS.map((l) => ({ value: l, label: t(`service.level.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('service.form.subject')} rules={required}>
          <Input data-testid="ticket-new-subject" maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('service.form.description')}>
          <Input.TextArea data-testid="ticket-new-description" rows={4} />
        </Form.Item>
        <Form.Item label={t('service.form.attachments')}>
          <Upload
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button>{t('service.form.pick')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
