import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type BusinessCalendar, listCalendars } from '../../api/calendars';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { localized } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { CalendarEditor } from './calendar-editor';

/**
 * Business calendars: the list (shipped ones tagged, time zone, the last date holidays are known
 * for) and the selected calendar's editor below (`?key=` keeps the choice in the address).
 */
export function CalendarsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const list = useQuery({ queryKey: ['calendars', 'list'], queryFn: listCalendars });
  const selected = params.get('key') ?? list.data?.[0]?.key;
  const open = (key: string | null) => setParams(key ? { key } : {});
  return (
    <>
      <PageHeader title={t('calendars.title')} subtitle={t('calendars.subtitle')} />
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Flex vertical gap={16}>
        <Table<BusinessCalendar>
          size="small"
          rowKey="key"
          loading={list.isLoading}
          pagination={false}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('calendars.list.empty') }}
          onRow={(r) => ({
            onClick: () => open(r.key),
            'data-testid': `calendar-row-${r.key}`,
            style: { cursor: 'pointer', fontWeight: r.key === selected ? 600 : undefined },
          })}
          columns={[
            { title: t('calendars.list.key'), dataIndex: 'key' },
            {
              title: t('calendars.list.name'),
              key: 'name',
              render: (_: unknown, r) => (
                <Flex gap={6} align="center">
                  {localized(r.name.zh, r.name.en, i18n.language)}
                  {r.builtin && <Tag color="gold">{t('calendars.list.builtin')}</Tag>}
                  {r.alwaysOpen && <Tag color="purple">{t('calendars.list.alwaysOpen')}</Tag>}
                </Flex>
              ),
            },
            { title: t('calendars.list.timeZone'), dataIndex: 'timeZone' },
            {
              title: t('calendars.list.coveredUntil'),
              dataIndex: 'coveredUntil',
              render: (v: string | null) =>
                v ?? (
                  <Typography.Text type="secondary">{t('calendars.list.noLimit')}</Typography.Text>
                ),
            },
          ]}
        />
        {selected && (
          <CalendarEditor
            key={selected}
            calendarKey={selected}
            canEdit={can('service.manage')}
            onOpen={open}
          />
        )}
      </Flex>
    </>
  );
}
