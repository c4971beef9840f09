import { useQuery } from '@tanstack/react-query';
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { listRecipientUsers, type ReportRecipients } from '../../../api/reports';

/**
 * Who receives a report: users (an inbox notice, and an e-mail to their address when e-mail is
 * on) and plain e-mail addresses. Only users who may read analytics are offered.
 */
export function RecipientsField({
  value,
  onChange,
}: {
  value: ReportRecipients;
  onChange: (v: ReportRecipients) => void;
}) {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: ['reports', 'recipients'], queryFn: listRecipientUsers });
  return (
    <Flex vertical gap={8}>
      <Select
        mode="multiple"
        allowClear
        data-testid="report-recipient-users"
        aria-label={t('reports.recipients.users')}
        placeholder={t('reports.recipients.users')}
        loading={users.isLoading}
        value={value.userIds}
        onChange={(userIds: number[]) => onChange({ ...value, userIds })}
        showSearch={{ optionFilterProp: 'label' }}
        options={(users.data ?? []).map((u) => ({
          value: u.id,
          label: u.hasEmail
            ? `${u.displayName} (${u.username})`
            : `${u.displayName} (${u.username}) · ${t('reports.recipients.noEmail')}`,
        }))}
      />
      <Select
        mode="tags"
        allowClear
        data-testid="report-recipient-emails"
        aria-label={t('reports.recipients.emails')}
        placeholder={t('reports.recipients.emailsHelp')}
        tokenSeparators={[',', ';', ' ']}
        value={value.emails}
        onChange={(emails: string[]) => onChange({ ...value, emails })}
        open={false}
        suffixIcon={null}
      />
    </Flex>
  );
}
