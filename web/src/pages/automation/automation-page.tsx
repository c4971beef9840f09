import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Flex, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { listRules } from '../../api/automation';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { FiringsLog } from './firings-log';
import { RuleCard } from './rule-card';
import { SweepPanel } from './sweep-panel';

/**
 * Automation rules (issue 7): each rule's switch and parameters (editable with policies.manage),
 * a sweep on demand with its progress, and the log of firings with their evidence.
 */
export function AutomationPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const mayEdit = can('policies.manage');
  const rules = useQuery({ queryKey: ['automation', 'rules'], queryFn: listRules });
  return (
    <>
      <PageHeader title={t('automation.title')} subtitle={t('automation.subtitle')} />
      {!mayEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('automation.rules.readOnly')}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Typography.Title level={5}>{t('automation.rules.title')}</Typography.Title>
          {rules.isError && <Alert type="error" showIcon title={errorMessage(t, rules.error)} />}
          {rules.isLoading && <Spin />}
          <Flex vertical gap={12}>
            {(rules.data ?? []).map((r) => (
              <RuleCard key={r.key} rule={r} mayEdit={mayEdit} />
            ))}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <SweepPanel mayRun={mayEdit} />
        </Col>
        <Col span={24}>
          <FiringsLog />
        </Col>
      </Row>
    </>
  );
}
