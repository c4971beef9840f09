import type { CustomFieldDef } from '../../domain/customers/custom-fields';
import type { TargetFieldDef } from '../../domain/import/targets/target';

/**
 * A custom field as an import column `custom.<key>`. The cell is read as text here and checked
 * against the definition (type, options, required) by validateCustomFields when the row is
 * applied, exactly like a value entered on the form.
 */
export function customFieldTarget(def: CustomFieldDef): TargetFieldDef {
  return {
    field: `custom.${def.key}`,
    labelZh: def.labelZh,
    labelEn: def.labelEn,
    type: { kind: 'text', max: 2000 },
    synonyms: [def.key],
  };
}
