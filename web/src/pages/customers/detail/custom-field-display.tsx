import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../../../api/types';
import { optionLabel } from '../custom-field-values';

/** A stored custom field value as the profile shows it, in the UI language. */
export function CustomFieldDisplay({ def, value }: { def: CustomFieldDef; value: unknown }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (value === null || value === undefined || value === '') return t('common.none');
  let shown: ReactNode;
  switch (def.type) {
    case 'boolean':
      shown = value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
      break;
    case 'number':
      shown = typeof value === 'number' ? new Intl.NumberFormat(lng).format(value) : String(value);
      break;
    case 'select':
      shown = optionLabel(def, value, lng);
      break;
    case 'multiselect':
      shown = (Array.isArray(value) ? value : [value]).map((v) => (
        <Tag key={String(v)}>{optionLabel(def, v, lng)}</Tag>
      ));
      break;
    default:
      shown = String(value);
  }
  return shown;
}
