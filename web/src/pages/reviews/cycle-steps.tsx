import { Card, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CycleDetail } from '../../api/reviews';
import { formatDateTime, todayIso } from '../../format';
import { isPast, roleLabel, stepName } from './labels';

/** Who completed a step: the last "complete" (or "publish") recorded at its position. */
function completer(cycle: CycleDetail, position: number): string | undefined {
  const done = cycle.events.filter(
    (e) => e.position === position && (e.action === 'complete' || e.action === 'publish'),
  );
  return done.at(-1)?.actorName;
}

/** The cycle's steps as a bar: each step's owning role, due date, and who completed it when. */
export function CycleSteps({ cycle }: { cycle: CycleDetail }) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  const status =
    cycle.status === 'cancelled' ? 'error' : cycle.status === 'published' ? 'finish' : 'process';
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Steps
        data-testid="cycle-steps"
        size="small"
        current={cycle.status === 'published' ? cycle.steps.length : cycle.currentStep}
        status={status}
        items={cycle.steps.map((s) => {
          const by = s.completedAt ? completer(cycle, s.position) : undefined;
          const late = !s.completedAt && cycle.status === 'open' && isPast(s.dueOn, today);
          return {
            title: stepName(s, i18n.language),
            subTitle: <Tag style={{ marginInlineEnd: 0 }}>{roleLabel(t, s.roleId)}</Tag>,
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text type={late ? 'danger' : 'secondary'}>
                  {t('reviews.steps.due', { date: s.dueOn })}
                </Typography.Text>
                {s.completedAt && (
                  <Typography.Text type="secondary">
                    {t('reviews.steps.completed', {
                      who: by ?? t('common.none'),
                      at: formatDateTime(s.completedAt, i18n.language),
                    })}
                  </Typography.Text>
                )}
              </Space>
            ),
          };
        })}
      />
    </Card>
  );
}
