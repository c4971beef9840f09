import { CustomerServiceOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Portrait, PortraitTicket } from '../../../api/portrait';
import { formatDate } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { textOf } from './portrait-format';

const DONE = new Set(['resolved', 'confirmed', 'closed']);

/** Tickets of the last twelve months by status and category, SLA breaches, open and newest. */
export function ServiceSection({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const s = p.service;
  const small = { content: { fontSize: 18 } };
  return (
    <Card
      size="small"
      data-testid="portrait-service"
      title={
        <span>
          <CustomerServiceOutlined />{' '}
          {t('portrait.service.title', { from: s.window.from, to: s.window.to })}
        </span>
      }
      style={{ height: '100%' }}
    >
      <Flex gap={28} wrap>
        <Statistic title={t('portrait.service.tickets')} value={s.tickets} styles={small} />
        <Statistic title={t('portrait.service.open')} value={s.open.total} styles={small} />
        <Statistic
          title={t('portrait.service.breaches')}
          value={s.slaBreaches}
          styles={{ content: { fontSize: 18, color: s.slaBreaches ? '#cf1322' : undefined } }}
        />
      </Flex>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        {s.byStatus
          .filter((x) => x.tickets > 0)
          .map((x) => (
            <Tag key={x.status}>
              {t(`service.status.${x.status}`)} {x.tickets}
            </Tag>
          ))}
      </Flex>
      <Flex gap={4} wrap style={{ marginTop: 4 }}>
        {s.byCategory.map((x) => (
          <Tag key={x.category} color="blue">
            {textOf(x.name, lng)} {x.tickets}
          </Tag>
        ))}
      </Flex>
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
        {t('portrait.service.latest')}
      </Typography.Text>
      <Table<PortraitTicket>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.latest}
        locale={{ emptyText: t('portrait.service.none') }}
        columns={[
          {
            title: t('service.tickets.opened'),
            dataIndex: 'openedAt',
            width: 100,
            render: (v: string) => formatDate(v, lng),
          },
          {
            title: t('service.tickets.subject'),
            dataIndex: 'subject',
            ellipsis: true,
            render: (v: string, r) => <Link to={`/service/tickets/${r.id}`}>{v}</Link>,
          },
          {
            title: t('service.tickets.category'),
            render: (_: unknown, r) => textOf(r.categoryName, lng),
          },
          {
            title: t('service.tickets.status'),
            dataIndex: 'status',
            render: (v: PortraitTicket['status'], r) => (
              <>
                <Tag color={DONE.has(v) ? 'default' : 'processing'}>{t(`service.status.${v}`)}</Tag>
                {r.breached && <Tag color="red">{t('portrait.service.breached')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
