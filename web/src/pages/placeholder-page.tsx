import { Button, Card, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AREA_INFO, type PlannedArea } from '../layout/areas';

/** Stands in for an area that is not built yet, saying what it will do. */
export function PlaceholderPage({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        icon={<span style={{ fontSize: 64, color: '#1668dc' }}>{AREA_INFO[area].icon}</span>}
        title={
          <>
            {t('placeholder.title', { area: t(`nav.${area}`) })}{' '}
            <Tag color="processing">{t('placeholder.badge')}</Tag>
          </>
        }
        subTitle={t(`placeholder.${area}`)}
        extra={
          <Link to="/customers">
            <Button type="primary">{t('placeholder.back')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
