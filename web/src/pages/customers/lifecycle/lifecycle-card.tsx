import { NodeIndexOutlined } from '@ant-design/icons';
import { Card, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../api/types';
import { MarketingPanel } from './marketing-panel';
import { TerminationPanel } from './termination-panel';
import { UpgradePanel } from './upgrade-panel';

const STAGE_COLOR = { prospect: 'blue', active: 'green', terminating: 'orange', terminated: 'red' };

/**
 * The relationship around the tier: its stage, upgrade applications, marketing activities and
 * the termination workflow, on the customer page.
 */
export function LifecycleCard({ customer, writable }: { customer: Customer; writable: boolean }) {
  const { t } = useTranslation();
  const stage = customer.lifecycleStage ?? 'active';
  const marketable = stage !== 'terminating' && stage !== 'terminated';
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="lifecycle-card"
      title={
        <span>
          <NodeIndexOutlined /> {t('lifecycle.title')}
        </span>
      }
      extra={<Tag color={STAGE_COLOR[stage]}>{t(`lifecycle.stages.${stage}`)}</Tag>}
    >
      <Tabs
        size="small"
        items={[
          {
            key: 'upgrade',
            label: t('lifecycle.upgrade.tab'),
            children: <UpgradePanel customerId={customer.id} writable={writable && marketable} />,
          },
          {
            key: 'marketing',
            label: t('lifecycle.marketing.tab'),
            children: (
              <MarketingPanel
                customerId={customer.id}
                writable={writable}
                marketable={marketable}
              />
            ),
          },
          {
            key: 'termination',
            label: t('lifecycle.termination.tab'),
            children: (
              <TerminationPanel
                customerId={customer.id}
                writable={writable && stage !== 'terminated'}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
