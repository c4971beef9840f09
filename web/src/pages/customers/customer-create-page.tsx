import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { createCustomer } from '../../api/customers';
import { errorMessage, formBanner } from '../../errors';
import { REFERENCE_KEYS, useCustomFieldDefs } from '../../hooks/use-reference-data';
import { PageHeader } from '../../layout/page-header';
import { showCustomerFieldIssues } from './customer-errors';
import { CUSTOMER_FORM_FIELDS, type CustomerFormValues, createBody } from './customer-form';
import { CustomerFormFields } from './customer-form-fields';

/** Form for a new customer; field problems from the server land on the fields. */
export function CustomerCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const defs = useCustomFieldDefs();

  const create = useMutation({
    mutationFn: (values: CustomerFormValues) => createCustomer(createBody(values, defs.data ?? [])),
    onSuccess: (c) => {
      queryClient.invalidateQueries({ queryKey: ['customers'] });
      queryClient.invalidateQueries({ queryKey: REFERENCE_KEYS.tags });
      queryClient.setQueryData(['customer', c.id], c);
      message.success(t('customers.form.created'));
      navigate(`/customers/${c.id}`);
    },
    onError: (e) => {
      showCustomerFieldIssues(form, e, t);
    },
  });

  return (
    <>
      <PageHeader title={t('customers.form.createTitle')} />
      <Card style={{ maxWidth: 880 }}>
        {create.isError && (
          <Alert
            type="error"
            showIcon
            title={formBanner(t, create.error, CUSTOMER_FORM_FIELDS)}
            style={{ marginBottom: 16 }}
          />
        )}
        {defs.isError && (
          <Alert
            type="warning"
            showIcon
            title={t('customers.form.customFieldsFailed')}
            description={errorMessage(t, defs.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        {defs.isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Form<CustomerFormValues>
            form={form}
            layout="vertical"
            initialValues={{ type: 'enterprise' }}
            onFinish={(values) => create.mutate(values)}
          >
            <CustomerFormFields customFields={defs.data ?? []} />
            <Space>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {t('customers.form.create')}
              </Button>
              <Link to="/customers">
                <Button>{t('common.cancel')}</Button>
              </Link>
            </Space>
          </Form>
        )}
      </Card>
    </>
  );
}
