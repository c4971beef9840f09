import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BusinessCalendar,
  type CalendarDocument,
  getCalendar,
  saveCalendar,
} from '../../api/calendars';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../errors';
import { todayIso } from '../../format';
import { CalendarToolbar } from './calendar-toolbar';
import { CalendarTryDeadline } from './calendar-try-deadline';
import { CalendarWeekHours } from './calendar-week-hours';
import { CalendarYearView } from './calendar-year-view';

/** IANA zones the browser knows (a short list when it cannot tell). */
function timeZones(current: string): string[] {
  const intl = Intl as { supportedValuesOf?: (k: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [
    'Asia/Shanghai',
    'Asia/Hong_Kong',
    'Asia/Singapore',
    'UTC',
  ];
  return all.includes(current) ? all : [current, ...all];
}

/**
 * One calendar: names, time zone, coverage, weekly hours and the year view, edited as a draft and
 * saved whole (optimistic lock on the version). Read-only without service.manage.
 */
export function CalendarEditor({
  calendarKey,
  canEdit,
  onOpen,
}: {
  calendarKey: string;
  canEdit: boolean;
  onOpen: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['calendars', 'one', calendarKey],
    queryFn: () => getCalendar(calendarKey),
  });
  const [draft, setDraft] = useState<CalendarDocument | null>(null);
  useEffect(() => {
    if (q.data) setDraft(q.data.document);
  }, [q.data]);
  const zones = useMemo(() => timeZones(draft?.timeZone ?? 'Asia/Shanghai'), [draft?.timeZone]);
  const applyServer = (c: BusinessCalendar | null) => {
    if (c) qc.setQueryData(['calendars', 'one', c.key], c);
    void qc.invalidateQueries({ queryKey: ['calendars', 'list'] });
  };
  const save = useMutation({
    mutationFn: () => saveCalendar(calendarKey, draft!, q.data!.version),
    onSuccess: (c) => {
      message.success(t('calendars.editor.saved'));
      applyServer(c);
    },
  });
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(t, q.error)} />;
  if (!q.data || !draft) return <Spin />;
  const cal = q.data;
  const dirty = JSON.stringify(draft) !== JSON.stringify(cal.document);
  const edit = (patch: Partial<CalendarDocument>) => setDraft({ ...draft, ...patch });
  const issues = save.error instanceof ApiError ? save.error.issues : [];
  const year = Number(todayIso().slice(0, 4));
  return (
    <Flex vertical gap={16} data-testid="calendar-editor">
      <Flex justify="space-between" wrap gap={8} align="center">
        <Flex gap={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {cal.key}
          </Typography.Title>
          {cal.builtin && <Tag color="gold">{t('calendars.list.builtin')}</Tag>}
          <Typography.Text type="secondary">
            {t('calendars.editor.version', { version: cal.version })}
          </Typography.Text>
          {dirty && <Tag color="orange">{t('calendars.editor.unsaved')}</Tag>}
        </Flex>
        <Flex gap={8} wrap>
          {canEdit && (
            <>
              <Button disabled={!dirty} onClick={() => setDraft(cal.document)}>
                {t('calendars.editor.discard')}
              </Button>
              <Button
                type="primary"
                data-testid="calendar-save"
                disabled={!dirty}
                loading={save.isPending}
                onClick={() => save.mutate()}
              >
                {t('calendars.editor.save')}
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      <CalendarToolbar
        calendar={cal}
        draft={draft}
        dirty={dirty}
        canEdit={canEdit}
        onChanged={applyServer}
        onOpen={onOpen}
      />
      {!canEdit && <Alert type="info" showIcon title={t('calendars.editor.readOnly')} />}
      {save.isError && (
        <Alert
          type="error"
          showIcon
          data-testid="calendar-errors"
          title={errorMessage(t, save.error)}
          description={
            issues.length
              ? issues.map((i) => <div key={i.field}>{`${i.field}: ${i.message}`}</div>)
              : undefined
          }
        />
      )}
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Input
            style={{ width: 220 }}
            addonBefore={t('calendars.editor.nameZh')}
            value={draft.name.zh}
            disabled={!canEdit}
            onChange={(e) => edit({ name: { ...draft.name, zh: e.target.value } })}
          />
          <Input
            style={{ width: 260 }}
            addonBefore={t('calendars.editor.nameEn')}
            value={draft.name.en}
            disabled={!canEdit}
            onChange={(e) => edit({ name: { ...draft.name, en: e.target.value } })}
          />
          <Select
            showSearch
            style={{ width: 220 }}
            aria-label={t('calendars.editor.timeZone')}
            data-testid="calendar-timezone"
            value={draft.timeZone}
            disabled={!canEdit}
            onChange={(timeZone) => edit({ timeZone })}
            options={zones.map((z) => ({ value: z, label: z }))}
          />
          <Input
            type="date"
            style={{ width: 260 }}
            addonBefore={t('calendars.editor.coveredFrom')}
            value={draft.coveredFrom ?? ''}
            disabled={!canEdit}
            onChange={(e) => edit({ coveredFrom: e.target.value || null })}
          />
          <Input
            type="date"
            style={{ width: 260 }}
            addonBefore={t('calendars.editor.coveredUntil')}
            data-testid="calendar-covered-until"
            value={draft.coveredUntil ?? ''}
            disabled={!canEdit}
            onChange={(e) => edit({ coveredUntil: e.target.value || null })}
          />
          <Checkbox
            checked={draft.alwaysOpen}
            disabled={!canEdit}
            onChange={(e) => edit({ alwaysOpen: e.target.checked })}
          >
            {t('calendars.editor.alwaysOpen')}
          </Checkbox>
        </Flex>
      </Card>
      {!draft.alwaysOpen && (
        <>
          <CalendarWeekHours
            value={draft.weekHours}
            disabled={!canEdit}
            onChange={(weekHours) => edit({ weekHours })}
          />
          <CalendarYearView
            key={cal.key}
            doc={draft}
            disabled={!canEdit}
            initialYear={year}
            onChange={setDraft}
          />
        </>
      )}
      <CalendarTryDeadline calendarKey={cal.key} defaultStart={`${todayIso()}T17:00`} />
    </Flex>
  );
}
