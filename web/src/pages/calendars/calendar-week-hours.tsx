import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayHours } from '../../api/calendars';
import { WEEKDAY_KEYS } from './calendar-days';

/** Monday first on screen; the stored list stays Sunday first. */
const SCREEN_ORDER = [1, 2, 3, 4, 5, 6, 0];

/**
 * The weekly hours: per weekday a list of open intervals (from–to, 24-hour clock); the gaps are
 * breaks. Overlaps and inverted intervals are reported by the server with the field named.
 */
export function CalendarWeekHours({
  value,
  onChange,
  disabled,
}: {
  value: DayHours[];
  onChange: (next: DayHours[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const setDay = (day: number, hours: DayHours) =>
    onChange(value.map((h, i) => (i === day ? hours : h)));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="day"
      dataSource={SCREEN_ORDER.map((day) => ({ day, hours: value[day] ?? [] }))}
      columns={[
        {
          title: t('calendars.week.title'),
          dataIndex: 'day',
          width: 120,
          render: (day: number) => t(`calendars.week.days.${WEEKDAY_KEYS[day]!}`),
        },
        {
          key: 'hours',
          render: (_: unknown, r: { day: number; hours: DayHours }) => (
            <Flex gap={8} wrap align="center" data-testid={`week-hours-${r.day}`}>
              {r.hours.length === 0 && (
                <Typography.Text type="secondary">{t('calendars.week.closed')}</Typography.Text>
              )}
              {r.hours.map(([from, to], i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an interval is its position; a key from its text would remount the input on every keystroke
                <Flex key={`${r.day}-${i}`} gap={4} align="center">
                  <Input
                    type="time"
                    style={{ width: 110 }}
                    aria-label={t('calendars.week.from')}
                    value={from}
                    disabled={disabled}
                    onChange={(e) =>
                      setDay(
                        r.day,
                        r.hours.map((h, j) => (j === i ? [e.target.value, h[1]] : h)),
                      )
                    }
                  />
                  –
                  <Input
                    type="time"
                    style={{ width: 110 }}
                    aria-label={t('calendars.week.to')}
                    value={to === '24:00' ? '23:59' : to}
                    disabled={disabled || to === '24:00'}
                    onChange={(e) =>
                      setDay(
                        r.day,
                        r.hours.map((h, j) => (j === i ? [h[0], e.target.value] : h)),
                      )
                    }
                  />
                  {!disabled && (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('calendars.week.remove')}
                      onClick={() =>
                        setDay(
                          r.day,
                          r.hours.filter((_, j) => j !== i),
                        )
                      }
                    />
                  )}
                </Flex>
              ))}
              {!disabled && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  aria-label={t('calendars.week.add')}
                  onClick={() => {
                    const last = r.hours[r.hours.length - 1];
                    const next: [string, string] = last ? [last[1], '18:00'] : ['09:00', '18:00'];
                    setDay(r.day, [...r.hours, next]);
                  }}
                />
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}
