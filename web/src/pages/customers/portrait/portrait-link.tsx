import { SolutionOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnalyticsFilters } from '../../../api/analytics';
import { portraitPath } from '../../../api/portrait';

/** The button on the customer page that opens the customer's portrait. */
export function PortraitButton({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  return (
    <Link to={portraitPath(customerId)} data-testid="open-portrait">
      <Button icon={<SolutionOutlined />}>{t('portrait.open')}</Button>
    </Link>
  );
}

/**
 * A customer code in an analytics list: the code opens the customer page, the icon beside it the
 * portrait compared with the same customers and period as the list (`filters`).
 */
export function CustomerCodeLink({
  id,
  code,
  filters,
}: {
  id: number;
  code: string;
  filters?: AnalyticsFilters;
}) {
  const { t } = useTranslation();
  return (
    <Space size={6}>
      <Link to={`/customers/${id}`}>{code}</Link>
      <Tooltip title={t('portrait.open')}>
        <Link
          to={portraitPath(id, filters)}
          aria-label={t('portrait.openFor', { code })}
          data-testid={`portrait-link-${id}`}
        >
          <SolutionOutlined />
        </Link>
      </Tooltip>
    </Space>
  );
}
