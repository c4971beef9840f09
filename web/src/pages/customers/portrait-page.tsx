import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { getPortrait } from '../../api/portrait';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { FilterBar } from '../analytics/shared/filter-bar';
import { useAnalyticsFilters } from '../analytics/shared/use-analytics-filters';
import { NotFoundPage } from '../not-found-page';
import { OwnerVisitsSection } from './portrait/owner-visits-section';
import styles from './portrait/portrait.module.css';
import { PortraitHeader } from './portrait/portrait-header';
import { ProfileSection } from './portrait/profile-section';
import { SatisfactionSection } from './portrait/satisfaction-section';
import { ServiceSection } from './portrait/service-section';
import { StandingSection } from './portrait/standing-section';
import { TiersSection } from './portrait/tiers-section';
import { ValueSection } from './portrait/value-section';

/**
 * The customer portrait: one printable page with profile, tags, owner and visits, the tier in
 * every scheme with its explanation, sales by month, service and satisfaction, and (with
 * analytics access) RFM segment, lifecycle stage and lifetime value. The analytics filters in
 * the address set the period and the customers the portrait compares with.
 */
export function PortraitPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const { filters, setFilters, clear } = useAnalyticsFilters();
  const { can } = useAuth();
  const query = useQuery({
    queryKey: ['portrait', id, filters],
    queryFn: () => getPortrait(id, filters),
    enabled: valid,
    placeholderData: keepPreviousData,
  });

  if (!valid) return <NotFoundPage />;
  const missing = query.error instanceof ApiError && query.error.status === 404;
  if (missing) {
    return (
      <Result
        status="404"
        title={t('portrait.notFound')}
        extra={
          <Link to="/customers">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  const p = query.data;
  return (
    <div className={styles.sheet} data-testid="portrait-page">
      {/* The filters choose whom RFM and the lifecycle compare with: analytics readers only. */}
      {can('analytics.read') && (
        <div className={styles.noPrint}>
          <FilterBar
            filters={filters}
            onChange={setFilters}
            onClear={clear}
            period={p?.period}
            extra={<Typography.Text type="secondary">{t('portrait.compareHint')}</Typography.Text>}
          />
        </div>
      )}
      {query.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, query.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {!p && !query.error && <Skeleton active paragraph={{ rows: 12 }} />}
      {p && (
        <>
          <PortraitHeader p={p} />
          <Row gutter={[12, 12]} className={styles.grid}>
            <Col xs={24} lg={14}>
              <ProfileSection p={p} />
            </Col>
            <Col xs={24} lg={10}>
              <OwnerVisitsSection p={p} />
            </Col>
            <Col xs={24} lg={p.analytics ? 12 : 24}>
              <TiersSection p={p} />
            </Col>
            {p.analytics && (
              <Col xs={24} lg={12}>
                <StandingSection a={p.analytics} />
              </Col>
            )}
            <Col xs={24}>
              <ValueSection p={p} />
            </Col>
            <Col xs={24} lg={13}>
              <ServiceSection p={p} />
            </Col>
            <Col xs={24} lg={11}>
              <SatisfactionSection p={p} />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
