import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { submitPublicTicket } from '../../api/tickets';
import { applyFieldIssues, formBanner } from '../../errors';
import { useCategoryTree } from './ticket-taxonomy';

interface Values {
  customerCode: string;
  phone: string;
  contactName?: string;
  category: string;
  description: string;
  website?: string;
}

const FIELDS = ['customerCode', 'phone', 'contactName', 'category', 'description'];

/**
 * The public web form (no sign-in): customer code, phone, category, description; answers the
 * reference to quote. Labels carry both languages, as customers arrive without a preference.
 * The hidden "website" field is a trap for bots: people never see or fill it.
 */
export function PublicTicketPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { treeData } = useCategoryTree(true);
  const submit = useMutation({
    mutationFn: submitPublicTicket,
    onError: (e) => applyFieldIssues(form, e, FIELDS),
  });
  const required = [{ required: true, message: t('service.form.required') }];
  return (
    <div style={{ maxWidth: 560, margin: '40px auto', padding: '0 16px' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('service.public.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('service.public.subtitle')} · {t('service.public.intro')}
        </Typography.Paragraph>
        {submit.isSuccess ? (
          <Result
            status="success"
            title={t('service.public.done')}
            subTitle={
              <>
                <div>{t('service.public.reference')}</div>
                <Typography.Title level={2} copyable data-testid="public-ticket-reference">
                  {submit.data.reference}
                </Typography.Title>
                <div>{t('service.public.quote')}</div>
              </>
            }
            extra={
              <Button
                onClick={() => {
                  form.resetFields();
                  submit.reset();
                }}
              >
                {t('service.public.another')}
              </Button>
            }
          />
        ) : (
          <Form<Values> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}>
            {submit.isError && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={formBanner(t, submit.error, FIELDS)}
              />
            )}
            <Form.Item
              name="customerCode"
              label={t('service.public.customerCode')}
              rules={required}
            >
              <Input data-testid="public-ticket-code" autoComplete="off" />
            </Form.Item>
            <Form.Item name="phone" label={t('service.public.phone')} rules={required}>
              <Input data-testid="public-ticket-phone" type="tel" autoComplete="tel" />
            </Form.Item>
            <Form.Item name="contactName" label={t('service.public.contactName')}>
              <Input data-testid="public-ticket-name" autoComplete="name" />
            </Form.Item>
            <Form.Item name="category" label={t('service.public.category')} rules={required}>
              <TreeSelect
                data-testid="public-ticket-category"
                treeData={treeData}
                showSearch
                treeNodeFilterProp="title"
              />
            </Form.Item>
            <Form.Item name="description" label={t('service.public.description')} rules={required}>
              <Input.TextArea data-testid="public-ticket-description" rows={5} maxLength={5000} />
            </Form.Item>
            {/* Honeypot: off-screen and out of the tab order; only bots fill it. */}
            <div
              aria-hidden="true"
              style={{
                position: 'absolute',
                left: -10_000,
                top: 'auto',
                height: 1,
                overflow: 'hidden',
              }}
            >
              <Form.Item name="website" label={t('service.public.website')}>
                <Input tabIndex={-1} autoComplete="off" />
              </Form.Item>
            </div>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={submit.isPending}
              data-testid="public-ticket-submit"
            >
              {t('service.public.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
