import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Popconfirm, Select, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BusinessCalendar,
  type CalendarDocument,
  createCalendar,
  deleteCalendar,
  exportUrl,
  importCalendarICal,
  resetCalendar,
} from '../../api/calendars';
import { errorMessage } from '../../errors';

/**
 * The calendar's actions besides saving: duplicate, reset (shipped ones), delete (others),
 * iCalendar import (merge by year or replace) and export.
 */
export function CalendarToolbar({
  calendar,
  draft,
  dirty,
  canEdit,
  onChanged,
  onOpen,
}: {
  calendar: BusinessCalendar;
  draft: CalendarDocument;
  dirty: boolean;
  canEdit: boolean;
  onChanged: (c: BusinessCalendar | null) => void;
  onOpen: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copyKey, setCopyKey] = useState<string | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const fail = (e: unknown) => message.error(errorMessage(t, e));
  const key = calendar.key;
  return (
    <Flex gap={8} wrap>
      <Button href={exportUrl(key)} icon={<DownloadOutlined />} data-testid="calendar-export">
        {t('calendars.ical.export')}
      </Button>
      {canEdit && (
        <>
          <Select
            aria-label={t('calendars.ical.import')}
            style={{ width: 140 }}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'merge', label: t('calendars.ical.merge') },
              { value: 'replace', label: t('calendars.ical.replace') },
            ]}
          />
          <Upload
            accept=".ics,text/calendar"
            showUploadList={false}
            beforeUpload={(file) => {
              if (dirty) {
                message.warning(t('calendars.ical.saveFirst'));
                return false;
              }
              file
                .text()
                .then((ics) => importCalendarICal(key, ics, mode))
                .then((r) => {
                  message.success(
                    t('calendars.ical.imported', {
                      holidays: r.imported.holidays,
                      workdays: r.imported.workdays,
                      years: r.imported.years.join(', '),
                    }),
                  );
                  onChanged(r.calendar);
                }, fail);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="calendar-import">
              {t('calendars.ical.import')}
            </Button>
          </Upload>
          <Button data-testid="calendar-duplicate" onClick={() => setCopyKey(`${key}-copy`)}>
            {t('calendars.editor.duplicate')}
          </Button>
          {calendar.builtin ? (
            <Popconfirm
              title={t('calendars.editor.resetConfirm')}
              onConfirm={() =>
                resetCalendar(key, calendar.version).then((c) => {
                  message.success(t('calendars.editor.resetDone'));
                  onChanged(c);
                }, fail)
              }
            >
              <Button>{t('calendars.editor.reset')}</Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('calendars.editor.deleteConfirm', { key })}
              onConfirm={() =>
                deleteCalendar(key).then(() => {
                  message.success(t('calendars.editor.deleted'));
                  onChanged(null);
                  onOpen(null);
                }, fail)
              }
            >
              <Button danger>{t('calendars.editor.delete')}</Button>
            </Popconfirm>
          )}
        </>
      )}
      {copyKey !== null && (
        <Modal
          open
          title={t('calendars.editor.duplicateTitle')}
          onCancel={() => setCopyKey(null)}
          onOk={() => {
            const id = /^[a-z]/.test(copyKey) ? copyKey : `cal-${copyKey}`;
            createCalendar(copyKey, { ...draft, id }).then((c) => {
              message.success(t('calendars.editor.duplicated', { key: c.key }));
              setCopyKey(null);
              onChanged(c);
              onOpen(c.key);
            }, fail);
          }}
        >
          <Input
            aria-label={t('calendars.editor.duplicateKey')}
            placeholder={t('calendars.editor.duplicateKey')}
            value={copyKey}
            onChange={(e) => setCopyKey(e.target.value)}
          />
        </Modal>
      )}
    </Flex>
  );
}
