import { Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TierDef } from '../../../api/tiering';
import { localized } from '../labels';
import { declaredMetricKeys } from '../metric-catalog';
import type { FormDoc } from './form-doc';

/**
 * The tiers and metric keys the form holds right now, as select options: rules, quotas and
 * criteria pick from what the scheme declares, and follow edits of the tier list at once.
 */
export function useSchemeOptions(form: FormInstance<FormDoc>) {
  const { i18n } = useTranslation();
  const tiers = (Form.useWatch('tiers', form) ?? []) as (TierDef | undefined)[];
  const metrics = Form.useWatch('metrics', form) as FormDoc['metrics'] | undefined;
  const tierOptions = tiers
    .filter((x): x is TierDef => !!x?.id)
    .map((x) => ({
      value: x.id,
      label: x.name ? `${localized(x.name, i18n.language) || x.id} (${x.id})` : x.id,
    }));
  const metricKeys = declaredMetricKeys({ metrics: metrics ?? [] });
  return {
    tierOptions,
    metricKeys,
    metricOptions: metricKeys.map((k) => ({ value: k, label: k })),
  };
}
