import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  CREDIT_GRADES,
  financeProposal,
  listProposals,
  type Proposal,
  rateProposal,
  reviseProposal,
} from '../../api/reviews';
import type { SchemeDocument } from '../../api/tiering';
import { applyFieldIssues } from '../../errors';
import { formatScore, localized, tierLabel } from '../tiering/labels';
import { reviewError } from './review-errors';

/** The steps that edit proposals. */
export type EditKind = 'rate' | 'finance' | 'revise';

interface Values {
  tier?: string;
  reason?: string;
  creditGrade?: string;
  receivablesConfirmed?: boolean;
  note?: string;
}

/** Server field names as this form names them. */
const FIELD_OF: Record<string, string> = {
  proposedTier: 'tier',
  revisedTier: 'tier',
  reason: 'reason',
  creditGrade: 'creditGrade',
  receivablesConfirmed: 'receivablesConfirmed',
  note: 'note',
};

/** The tier a step's change is compared with, as the server compares it. */
function baseline(p: Proposal, kind: EditKind): string {
  return kind === 'rate' ? p.computedTier : (p.proposedTier ?? p.computedTier);
}

function initialValues(p: Proposal, kind: EditKind): Values {
  if (kind === 'finance')
    return {
      creditGrade: p.creditGrade ?? undefined,
      receivablesConfirmed: p.receivablesConfirmed ?? false,
      note: p.financeNote ?? '',
    };
  if (kind === 'rate')
    return { tier: p.proposedTier ?? p.computedTier, reason: p.proposalReason ?? '' };
  return { tier: p.revisedTier ?? baseline(p, kind), reason: p.revisionReason ?? '' };
}

/**
 * Edits one customer's line of the evaluation form for the current step: the proposed tier
 * (rating), credit grade and receivables (finance), or the revised tier (review meeting). The
 * version read is sent back, so a line someone else saved meanwhile is refused and reloaded.
 */
export function ProposalDrawer({
  cycleId,
  kind,
  proposal,
  doc,
  onClose,
}: {
  cycleId: number;
  kind: EditKind;
  proposal: Proposal;
  doc: SchemeDocument;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [row, setRow] = useState(proposal);
  const [stale, setStale] = useState(false);
  const tier = Form.useWatch('tier', form);
  const needsReason = kind !== 'finance' && tier !== undefined && tier !== baseline(row, kind);

  /** Loads the line as saved now, after someone else saved it first. */
  const reload = async () => {
    const page = await listProposals(cycleId, { q: row.code }, 1, 20);
    const fresh = page.items.find((p) => p.customerId === row.customerId);
    if (fresh) {
      setRow(fresh);
      form.setFieldsValue(initialValues(fresh, kind));
    }
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const reason = v.reason?.trim() || undefined;
      if (kind === 'rate')
        return rateProposal(cycleId, row.customerId, {
          proposedTier: v.tier ?? row.computedTier,
          ...(reason ? { reason } : {}),
          version: row.version,
        });
      if (kind === 'revise')
        return reviseProposal(cycleId, row.customerId, {
          revisedTier: v.tier ?? baseline(row, kind),
          ...(reason ? { reason } : {}),
          version: row.version,
        });
      const note = v.note?.trim() || undefined;
      return financeProposal(cycleId, row.customerId, {
        creditGrade: v.creditGrade ?? '',
        receivablesConfirmed: v.receivablesConfirmed ?? false,
        ...(note ? { note } : {}),
        version: row.version,
      });
    },
    onSuccess: () => {
      message.success(t('reviews.form.saved', { code: row.code }));
      void client.invalidateQueries({ queryKey: ['reviews', 'proposals', cycleId] });
      void client.invalidateQueries({ queryKey: ['reviews', 'cycle', cycleId] });
      onClose();
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        setStale(true);
        await reload();
        void client.invalidateQueries({ queryKey: ['reviews', 'proposals', cycleId] });
        return;
      }
      if (e instanceof ApiError && e.issues.length > 0) {
        const mapped = new ApiError(e.status, e.code, e.message, {
          ...e.details,
          issues: e.issues.map((i) => ({ ...i, field: FIELD_OF[i.field] ?? i.field })),
        });
        if (applyFieldIssues(form, mapped, Object.values(FIELD_OF))) return;
      }
      message.error(reviewError(t, e));
    },
  });

  const tierOptions = doc.tiers.map((x) => ({
    value: x.id,
    label: localized(x.name, i18n.language),
  }));
  const tierName = (id: string | null) => (id ? tierLabel(t, doc, id, i18n.language) : '—');

  return (
    <Drawer
      open
      size={520}
      title={t('reviews.form.editTitle', { code: row.code, name: row.name })}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reviews.errors.stale')}
          description={t('reviews.form.reloaded')}
          data-testid="stale-alert"
        />
      )}
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('reviews.form.score')}>
          {formatScore(row.score)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviews.form.computed')}>
          {tierName(row.computedTier)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reviews.form.previous')}>
          {tierName(row.previousTier)}
        </Descriptions.Item>
        {kind !== 'rate' && (
          <Descriptions.Item label={t('reviews.form.proposed')}>
            {tierName(row.proposedTier ?? row.computedTier)}
            {row.proposalReason ? ` — ${row.proposalReason}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(row, kind)}
        onFinish={(v) => save.mutate(v)}
      >
        {kind === 'finance' ? (
          <>
            <Form.Item
              name="creditGrade"
              label={t('reviews.form.creditGrade')}
              rules={[{ required: true, message: t('reviews.form.creditRequired') }]}
            >
              <Select
                aria-label={t('reviews.form.creditGrade')}
                options={CREDIT_GRADES.map((g) => ({ value: g, label: g }))}
              />
            </Form.Item>
            <Form.Item
              name="receivablesConfirmed"
              label={t('reviews.form.receivables')}
              valuePropName="checked"
            >
              <Switch aria-label={t('reviews.form.receivables')} />
            </Form.Item>
            <Form.Item name="note" label={t('reviews.form.note')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="tier"
              label={kind === 'rate' ? t('reviews.form.proposed') : t('reviews.form.revised')}
              rules={[{ required: true }]}
            >
              <Select
                aria-label={
                  kind === 'rate' ? t('reviews.form.proposed') : t('reviews.form.revised')
                }
                options={tierOptions}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('reviews.form.reason')}
              extra={needsReason ? t('reviews.form.reasonNeeded') : undefined}
              rules={[
                {
                  required: needsReason,
                  whitespace: true,
                  message: t('reviews.form.reasonRequired'),
                },
              ]}
            >
              <Input.TextArea rows={3} maxLength={1000} aria-label={t('reviews.form.reason')} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
