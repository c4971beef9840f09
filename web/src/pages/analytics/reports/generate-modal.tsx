import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { Alert, Form, Modal, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { AnalyticsFilters } from '../../../api/analytics';
import {
  generateReport,
  type ReportCadence,
  type ReportLang,
  type ReportRecipients,
} from '../../../api/reports';
import { errorMessage } from '../../../errors';
import { currentLanguage } from '../../../i18n';
import { FilterBar } from '../shared/filter-bar';
import { RecipientsField } from './recipients-field';

const CADENCES: ReportCadence[] = ['weekly', 'monthly', 'adhoc'];

/** Only the filters a cadence takes: months are for adhoc reports. */
export function filtersFor(cadence: string, f: AnalyticsFilters): AnalyticsFilters {
  if (cadence === 'adhoc') return f;
  const { from: _from, to: _to, ...scope } = f;
  return scope;
}

/** Applies a filter bar change; a new scheme clears the tier (it named another scheme's tier). */
export function patchFilters(
  f: AnalyticsFilters,
  patch: Partial<AnalyticsFilters>,
): AnalyticsFilters {
  const next = { ...f, ...patch };
  if ('schemeId' in patch && !('tier' in patch)) delete next.tier;
  return next;
}

/**
 * "Generate now": a weekly, monthly or adhoc report with filters and recipients; once made it
 * opens, and the recipients find it in their inbox (and e-mail, when configured).
 */
export function GenerateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [cadence, setCadence] = useState<ReportCadence>('weekly');
  const [lang, setLang] = useState<ReportLang>(currentLanguage());
  const [filters, setFilters] = useState<AnalyticsFilters>({});
  const [recipients, setRecipients] = useState<ReportRecipients>({ userIds: [], emails: [] });
  const make = useMutation({
    mutationFn: () =>
      generateReport({ cadence, lang, filters: filtersFor(cadence, filters), recipients }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['reports'] });
      onClose();
      navigate(`/analytics/reports/${r.id}`);
    },
  });
  return (
    <Modal
      open={open}
      width={860}
      title={t('reports.generate.title')}
      okText={t('reports.generate.ok')}
      cancelText={t('reports.cancel')}
      confirmLoading={make.isPending}
      onCancel={onClose}
      onOk={() => make.mutate()}
      okButtonProps={{ 'data-testid': 'report-generate-ok' } as ButtonProps}
      destroyOnHidden
    >
      {make.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, make.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('reports.cadence.label')} extra={t(`reports.cadence.help.${cadence}`)}>
          <Segmented<ReportCadence>
            data-testid="report-generate-cadence"
            value={cadence}
            onChange={setCadence}
            options={CADENCES.map((c) => ({ value: c, label: t(`reports.cadence.${c}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('reports.filters')}>
          <FilterBar
            filters={filters}
            onChange={(patch) => setFilters((f) => patchFilters(f, patch))}
            onClear={() => setFilters({})}
            hidePeriod={cadence !== 'adhoc'}
          />
        </Form.Item>
        <Form.Item label={t('reports.recipients.label')} extra={t('reports.recipients.help')}>
          <RecipientsField value={recipients} onChange={setRecipients} />
        </Form.Item>
        <Form.Item label={t('reports.lang.label')}>
          <Select<ReportLang>
            style={{ width: 160 }}
            value={lang}
            onChange={setLang}
            options={(['zh-CN', 'en'] as const).map((l) => ({
              value: l,
              label: t(`reports.lang.${l}`),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
