import { Alert, Flex, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDocument, CalendarText } from '../../api/calendars';
import { dayOf } from './calendar-days';

type Choice = 'normal' | 'holiday' | 'workday';

/** Sets one date to normal, holiday or make-up working day, with its name in both languages. */
export function CalendarDayEditor({
  doc,
  date,
  onApply,
  onClose,
}: {
  doc: CalendarDocument;
  date: string;
  onApply: (kind: Choice, name: CalendarText | null) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const current = dayOf(doc, date);
  const [kind, setKind] = useState<Choice>(
    current.kind === 'holiday' || current.kind === 'workday' ? current.kind : 'normal',
  );
  const [zh, setZh] = useState(current.name?.zh ?? '');
  const [en, setEn] = useState(current.name?.en ?? '');
  const named = zh.trim() || en.trim();
  return (
    <Modal
      open
      title={t('calendars.year.dayTitle', { date })}
      okText={t('calendars.year.apply')}
      okButtonProps={{ 'data-testid': 'day-apply' } as never}
      onOk={() =>
        onApply(
          kind,
          kind !== 'normal' && named
            ? { zh: zh.trim() || en.trim(), en: en.trim() || zh.trim() }
            : null,
        )
      }
      onCancel={onClose}
    >
      {current.kind === 'not_covered' && (
        <Alert
          type="warning"
          showIcon
          title={t('calendars.year.outside')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex vertical gap={12}>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as Choice)}
          data-testid="day-kind"
          options={[
            { value: 'normal', label: t('calendars.year.normal') },
            { value: 'holiday', label: t('calendars.year.holiday') },
            { value: 'workday', label: t('calendars.year.workday') },
          ]}
        />
        {kind !== 'normal' && (
          <>
            <Input
              placeholder={t('calendars.year.nameZh')}
              aria-label={t('calendars.year.nameZh')}
              data-testid="day-name-zh"
              value={zh}
              onChange={(e) => setZh(e.target.value)}
            />
            <Input
              placeholder={t('calendars.year.nameEn')}
              aria-label={t('calendars.year.nameEn')}
              data-testid="day-name-en"
              value={en}
              onChange={(e) => setEn(e.target.value)}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
