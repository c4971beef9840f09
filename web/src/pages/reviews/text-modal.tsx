import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A dialog asking for one text (a comment, a reason or a date). `required` makes an empty
 * answer an error on the field before anything is sent.
 */
export function TextModal({
  open,
  title,
  label,
  okText,
  required,
  type = 'textarea',
  initial,
  loading,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  required: boolean;
  type?: 'textarea' | 'date';
  initial?: string;
  loading: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ text: initial ?? '' }}
        onFinish={(v) => onSubmit((v.text ?? '').trim())}
      >
        <Form.Item
          name="text"
          label={label}
          rules={
            required
              ? [{ required: true, whitespace: true, message: t('reviews.actions.required') }]
              : []
          }
        >
          {type === 'date' ? (
            <Input type="date" aria-label={label} />
          ) : (
            <Input.TextArea rows={3} maxLength={2000} aria-label={label} />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
