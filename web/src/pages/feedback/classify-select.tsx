import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { classifyFeedback, type FeedbackItem } from '../../api/feedback';
import { errorMessage } from '../../errors';

/** The class of one feedback, changed in place. */
export function ClassifySelect({
  item,
  options,
}: {
  item: FeedbackItem;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (c: string) => classifyFeedback(item.id, c),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['feedback'] }),
    onError: (e) => message.error(errorMessage(t, e)),
  });
  return (
    <Select
      size="small"
      style={{ minWidth: 140 }}
      aria-label={t('feedback.list.class')}
      placeholder={t('feedback.list.unclassified')}
      value={item.classification ?? undefined}
      onChange={(v: string) => save.mutate(v)}
      options={options}
    />
  );
}
