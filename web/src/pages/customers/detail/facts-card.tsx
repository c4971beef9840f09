import { Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { FACT_KINDS } from '../../../api/facts';
import { FACT_LOOK } from './fact-look';
import { FactTable } from './fact-table';

/** One tab for each kind of fact recorded against the customer. */
export function FactsCard({ customerId, writable }: { customerId: number; writable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('facts.title')} style={{ marginTop: 16 }}>
      <Tabs
        items={FACT_KINDS.map((kind) => ({
          key: kind,
          label: (
            <Space size={6}>
              <span style={{ color: FACT_LOOK[kind].color }}>{FACT_LOOK[kind].icon}</span>
              {t(`facts.kinds.${kind}`)}
            </Space>
          ),
          children: <FactTable customerId={customerId} kind={kind} writable={writable} />,
        }))}
      />
    </Card>
  );
}
