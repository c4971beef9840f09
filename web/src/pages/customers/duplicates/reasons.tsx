import { Tag } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

const REASON_COLORS: Record<string, string> = {
  credit_code: 'red',
  same_name: 'volcano',
  phone: 'orange',
  email: 'gold',
  similar_name: 'blue',
};

/** Why two customers look like one, in the UI language (unknown reasons by their code). */
export function ReasonTags({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  return reasons.map((r) => (
    <Tag key={r} color={REASON_COLORS[r] ?? 'default'} style={{ marginBottom: 2 }}>
      {t(`duplicates.reasons.${r}` as ParseKeys, { defaultValue: r })}
    </Tag>
  ));
}
