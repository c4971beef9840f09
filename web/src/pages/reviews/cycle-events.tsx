import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CycleDetail } from '../../api/reviews';
import { formatDateTime } from '../../format';
import { stepName } from './labels';

const ACTION_COLORS: Record<string, string> = {
  start: 'blue',
  complete: 'green',
  return: 'orange',
  comment: 'gray',
  publish: 'green',
  cancel: 'red',
  deadline: 'purple',
};

/** The actions recorded on the cycle, oldest first, with their comments. */
export function CycleEvents({ cycle }: { cycle: CycleDetail }) {
  const { t, i18n } = useTranslation();
  if (cycle.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.events.empty')} />;
  return (
    <Card size="small">
      <Timeline
        data-testid="cycle-events"
        items={cycle.events.map((e, i) => {
          const step = cycle.steps[e.position];
          return {
            key: `${i}-${e.createdAt}`,
            color: ACTION_COLORS[e.action] ?? 'gray',
            title: (
              <Typography.Text type="secondary">
                {formatDateTime(e.createdAt, i18n.language)}
              </Typography.Text>
            ),
            content: (
              <div>
                <Tag color={ACTION_COLORS[e.action]}>
                  {t(`reviews.events.actions.${e.action}` as 'reviews.events.actions.start', {
                    defaultValue: e.action,
                  })}
                </Tag>
                <Typography.Text strong>{e.actorName}</Typography.Text>
                {step && (
                  <Typography.Text type="secondary">
                    {' · '}
                    {stepName(step, i18n.language)}
                  </Typography.Text>
                )}
                {e.comment && (
                  <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                    {e.comment}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
