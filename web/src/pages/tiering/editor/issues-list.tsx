import { Alert, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../api/client';

/** The server's objections to a scheme, each with the path of the field at fault. */
export function IssuesList({ issues }: { issues: FieldIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="scheme-issues"
      title={t('tiering.editor.issues', { count: issues.length })}
      description={
        <List
          size="small"
          dataSource={issues}
          renderItem={(i) => (
            <List.Item>
              <Typography.Text code>{i.field}</Typography.Text> {i.message}
            </List.Item>
          )}
        />
      }
    />
  );
}
