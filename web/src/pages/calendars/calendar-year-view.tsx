import { Card, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDocument } from '../../api/calendars';
import { localized } from '../../format';
import { CalendarDayEditor } from './calendar-day-editor';
import { type DayKind, dayOf, monthDates, setDay, WEEKDAY_KEYS, weekdayOf } from './calendar-days';

const COLOURS: Record<DayKind, { background: string; color: string }> = {
  working: { background: 'transparent', color: 'inherit' },
  closed: { background: '#f5f5f5', color: '#8c8c8c' },
  holiday: { background: '#ff4d4f', color: '#fff' },
  workday: { background: '#1677ff', color: '#fff' },
  not_covered: {
    background: 'repeating-linear-gradient(45deg,#fafafa,#fafafa 3px,#e8e8e8 3px,#e8e8e8 5px)',
    color: '#bfbfbf',
  },
};
/** Monday-first columns. */
const COLUMNS = [1, 2, 3, 4, 5, 6, 0];

/**
 * Twelve months of one year: holidays red, make-up working days blue, closed days grey, days
 * without a known holiday list hatched. Clicking a day (when editable) opens its editor.
 */
export function CalendarYearView({
  doc,
  onChange,
  disabled,
  initialYear,
}: {
  doc: CalendarDocument;
  onChange: (next: CalendarDocument) => void;
  disabled: boolean;
  initialYear: number;
}) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(initialYear);
  const [editing, setEditing] = useState<string | null>(null);
  const lng = i18n.language;
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(lng, { month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(year, m - 1, 1),
    );
  const years = Array.from({ length: 7 }, (_, i) => initialYear - 3 + i);
  return (
    <Card
      size="small"
      title={t('calendars.year.title')}
      extra={
        <Flex gap={8} align="center" wrap>
          <Tag color="red">{t('calendars.year.holiday')}</Tag>
          <Tag color="blue">{t('calendars.year.workday')}</Tag>
          <Tag>{t('calendars.year.closed')}</Tag>
          <Select
            aria-label={t('calendars.year.year')}
            data-testid="year-select"
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </Flex>
      }
    >
      {!disabled && (
        <Typography.Paragraph type="secondary">{t('calendars.year.hint')}</Typography.Paragraph>
      )}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))',
          gap: 16,
        }}
      >
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => {
          const dates = monthDates(year, m);
          const lead = COLUMNS.indexOf(weekdayOf(dates[0]!));
          return (
            <div key={m} data-testid={`month-${m}`}>
              <Typography.Text strong>{monthName(m)}</Typography.Text>
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(7, 1fr)',
                  gap: 2,
                  marginTop: 4,
                }}
              >
                {COLUMNS.map((d) => (
                  <Typography.Text
                    key={d}
                    type="secondary"
                    style={{ fontSize: 11, textAlign: 'center' }}
                  >
                    {t(`calendars.week.short.${WEEKDAY_KEYS[d]!}`)}
                  </Typography.Text>
                ))}
                {dates.map((date) => {
                  const info = dayOf(doc, date);
                  const tip = info.name ? localized(info.name.zh, info.name.en, lng) : undefined;
                  return (
                    <Tooltip key={date} title={tip}>
                      <button
                        type="button"
                        data-testid={`day-${date}`}
                        data-kind={info.kind}
                        aria-label={tip ? `${date} ${tip}` : date}
                        disabled={disabled}
                        onClick={() => setEditing(date)}
                        style={{
                          ...COLOURS[info.kind],
                          border: 'none',
                          borderRadius: 4,
                          padding: '2px 0',
                          fontSize: 12,
                          cursor: disabled ? 'default' : 'pointer',
                          // The first day sits under its weekday; the rest flow after it.
                          gridColumnStart: date.endsWith('-01') ? lead + 1 : undefined,
                        }}
                      >
                        {Number(date.slice(8))}
                      </button>
                    </Tooltip>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
      {editing && (
        <CalendarDayEditor
          doc={doc}
          date={editing}
          onClose={() => setEditing(null)}
          onApply={(kind, name) => {
            onChange(setDay(doc, editing, kind, name));
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
