import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { getCustomer, updateCustomer } from '../../api/customers';
import type { Customer } from '../../api/types';
import { errorMessage, formBanner } from '../../errors';
import { REFERENCE_KEYS, useCustomFieldDefs } from '../../hooks/use-reference-data';
import { showCustomerFieldIssues } from './customer-errors';
import {
  CUSTOMER_FORM_FIELDS,
  type CustomerFormValues,
  changedFields,
  toFormValues,
} from './customer-form';
import { CustomerFormFields } from './customer-form-fields';

/**
 * Edits a customer in a side panel. The save names the version that was loaded; when someone
 * else saved first, the server refuses it and the user can reload the latest data.
 */
export function EditCustomerDrawer({
  customer,
  open,
  onClose,
}: {
  customer: Customer;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  // The page loads the definitions before it offers editing, so they are cached here.
  const defs = useCustomFieldDefs().data ?? [];

  const save = useMutation({
    mutationFn: (values: CustomerFormValues) =>
      updateCustomer(customer.id, {
        ...changedFields(customer, values, defs),
        version: customer.version,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['customer', updated.id], updated);
      queryClient.invalidateQueries({ queryKey: ['customers'] });
      queryClient.invalidateQueries({ queryKey: REFERENCE_KEYS.tags });
      message.success(t('common.saved'));
      close();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') setStale(true);
      else showCustomerFieldIssues(form, e, t);
    },
  });

  const close = () => {
    setStale(false);
    save.reset();
    onClose();
  };

  const onFinish = (values: CustomerFormValues) => {
    // Nothing changed: nothing to send, and no version to bump.
    if (Object.keys(changedFields(customer, values, defs)).length === 0) return close();
    save.mutate(values);
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await getCustomer(customer.id);
      queryClient.setQueryData(['customer', fresh.id], fresh);
      form.setFieldsValue(toFormValues(fresh, defs));
      setStale(false);
      save.reset();
    } catch (e) {
      message.error(errorMessage(t, e));
    } finally {
      setReloading(false);
    }
  };

  const otherError = save.isError && !stale;
  return (
    <Drawer
      title={t('customers.detail.editTitle')}
      open={open}
      onClose={close}
      size={640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={save.isPending}
            disabled={stale}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('customers.detail.stale')}
          description={t('customers.detail.staleHint')}
          action={
            <Button size="small" type="primary" onClick={reload} loading={reloading}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {otherError && (
        <Alert
          type="error"
          showIcon
          title={formBanner(t, save.error, CUSTOMER_FORM_FIELDS)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(customer, defs)}
        onFinish={onFinish}
      >
        <CustomerFormFields customFields={defs} />
      </Form>
    </Drawer>
  );
}
