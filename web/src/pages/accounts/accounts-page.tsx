import { Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { CoverageTab } from './coverage-tab';
import { OwnersTab } from './owners-tab';
import { PlansTab } from './plans-tab';

/** Twelve months back and two ahead of `month`, newest first, as 'YYYY-MM'. */
function monthsAround(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let d = 2; d >= -12; d--) {
    const i = y * 12 + m + d;
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Account managers, the pool, visit plans and coverage (seeds 002, 003, 004). */
export function AccountsPage() {
  const { t } = useTranslation();
  const current = todayIso().slice(0, 7);
  const [month, setMonth] = useState(current);
  const [tab, setTab] = useState('coverage');
  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        subtitle={t('accounts.subtitle')}
        extra={
          tab !== 'owners' && (
            <Select
              data-testid="accounts-month"
              aria-label={t('accounts.month')}
              style={{ width: 140 }}
              value={month}
              onChange={setMonth}
              options={monthsAround(current).map((m) => ({ value: m, label: m }))}
            />
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'coverage',
            label: t('accounts.tabs.coverage'),
            children: <CoverageTab month={month} />,
          },
          { key: 'plans', label: t('accounts.tabs.plans'), children: <PlansTab month={month} /> },
          { key: 'owners', label: t('accounts.tabs.owners'), children: <OwnersTab /> },
        ]}
      />
    </>
  );
}
