import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/client';
import { applyFieldIssues } from '../../errors';
import { CUSTOMER_FORM_FIELDS } from './customer-form';

/**
 * Shows a failed customer save on the form fields it names. A used code gets a message in the
 * UI language; other server messages are shown as they are. Returns true when a field took it.
 */
export function showCustomerFieldIssues(form: FormInstance, err: unknown, t: TFunction): boolean {
  return applyFieldIssues(form, err, CUSTOMER_FORM_FIELDS, (field, e: ApiError) =>
    e.code !== 'DUPLICATE'
      ? undefined
      : field === 'code'
        ? t('customers.form.codeTaken')
        : field === 'creditCode'
          ? t('customers.form.creditCodeTaken')
          : undefined,
  );
}
