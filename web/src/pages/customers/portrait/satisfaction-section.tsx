import { SmileOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Portrait } from '../../../api/portrait';
import { currentLanguage } from '../../../i18n';
import { AnalyticsChart } from '../../analytics/shared/analytics-chart';
import { decimal } from './portrait-format';

/** Survey scores month by month, the latest answer and the latest feedback. */
export function SatisfactionSection({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const s = p.satisfaction;
  const none = t('portrait.none');
  return (
    <Card
      size="small"
      data-testid="portrait-satisfaction"
      title={
        <span>
          <SmileOutlined />{' '}
          {t('portrait.satisfaction.title', { from: s.window.from, to: s.window.to })}
        </span>
      }
      style={{ height: '100%' }}
    >
      <Flex gap={28} wrap>
        <Statistic
          title={t('portrait.satisfaction.average')}
          value={s.average === null ? none : decimal(s.average, lng, 2)}
          styles={{ content: { fontSize: 18 } }}
        />
        <Statistic
          title={t('portrait.satisfaction.responses')}
          value={s.responses}
          styles={{ content: { fontSize: 18 } }}
        />
        <Statistic
          title={t('portrait.satisfaction.complaints')}
          value={s.complaints}
          styles={{ content: { fontSize: 18 } }}
        />
      </Flex>
      {s.responses > 0 && (
        <AnalyticsChart
          testId="portrait-satisfaction-chart"
          height={140}
          option={{
            animation: false,
            grid: { left: 28, right: 8, top: 10, bottom: 22 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: s.byMonth.map((m) => m.month) },
            yAxis: { type: 'value', min: 1, max: 5 },
            series: [
              {
                name: t('portrait.satisfaction.average'),
                type: 'line',
                connectNulls: true,
                data: s.byMonth.map((m) => m.average),
              },
            ],
          }}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'survey',
            label: t('portrait.satisfaction.lastSurvey'),
            children: s.lastSurvey
              ? `${s.lastSurvey.answeredOn} · ${t('portrait.satisfaction.score', { score: s.lastSurvey.score })}${s.lastSurvey.comment ? ` · ${s.lastSurvey.comment}` : ''}`
              : none,
          },
          {
            key: 'feedback',
            label: t('portrait.satisfaction.lastFeedback'),
            children: s.lastFeedback ? (
              <Typography.Text>
                {s.lastFeedback.receivedOn} ·{' '}
                {t(
                  `portrait.satisfaction.kinds.${s.lastFeedback.kind === 'complaint' ? 'complaint' : 'feedback'}`,
                )}{' '}
                · {s.lastFeedback.content}
              </Typography.Text>
            ) : (
              none
            ),
          },
        ]}
      />
    </Card>
  );
}
