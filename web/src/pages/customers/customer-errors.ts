import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../api/client';
import { applyFieldIssues } from '../../errors';
import { CUSTOMER_FORM_FIELDS } from './customer-form';

/**
 * Shows a failed customer save on the form fields it names. A used code or credit code and a
 * bad credit code get a headline in the UI language; other server messages are shown as they
 * are. Returns true when a field took it.
 */
export function showCustomerFieldIssues(form: FormInstance, err: unknown, t: TFunction): boolean {
  return applyFieldIssues(form, err, CUSTOMER_FORM_FIELDS, (field, e: ApiError) => {
    if (e.code === 'DUPLICATE' && field === 'code') return t('customers.form.codeTaken');
    if (e.code === 'DUPLICATE' && field === 'creditCode')
      return t('customers.form.creditCodeTaken');
    if (field === 'creditCode') {
      // The server says precisely which character is wrong; keep that after the headline.
      const detail = e.issues.find((i) => i.field === field)?.message;
      return `${t('customers.form.creditCodeInvalid')}${detail ? `: ${detail}` : ''}`;
    }
    return undefined;
  });
}
