import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  getSlaPolicies,
  getSlaTemplate,
  getSlaVersion,
  type SlaPoliciesInForce,
  type SlaPolicy,
  saveSlaPolicies,
} from '../../api/sla';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { SlaExplainPanel } from './sla-explain-panel';
import { blankPolicy, SlaPolicyModal } from './sla-policy-modal';
import { SlaPolicyTable } from './sla-policy-table';
import { SlaVersions } from './sla-versions';

/** Server issues `policies.<i>.…` grouped by policy index; the rest stay for the banner. */
function issuesByPolicy(error: unknown): Map<number, string[]> {
  const m = new Map<number, string[]>();
  if (!(error instanceof ApiError)) return m;
  for (const i of error.issues) {
    const hit = /^policies\.(\d+)(?:\.(.*))?$/.exec(i.field);
    if (!hit) continue;
    const idx = Number(hit[1]);
    m.set(idx, [...(m.get(idx) ?? []), hit[2] ? `${hit[2]}: ${i.message}` : i.message]);
  }
  return m;
}

/**
 * SLA policies: which targets apply to which tickets (tier × level × category), edited as a
 * whole and saved as a new version with a note; the seed template can be loaded back and any
 * earlier version opened read-only. "Which policy applies?" shows the winner and deadlines.
 * Read-only for users without service.manage.
 */
export function SlaPoliciesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const mayEdit = can('service.manage');
  const current = useQuery({ queryKey: ['sla', 'policies'], queryFn: getSlaPolicies });
  const [draft, setDraft] = useState<SlaPolicy[] | undefined>();
  // `opening` counts dialog openings: each one mounts a fresh form, so no value of the policy
  // edited before can leak into the next one.
  const [editing, setEditing] = useState<{
    index: number | null;
    policy: SlaPolicy;
    opening: number;
  }>();
  const [openings, setOpenings] = useState(0);
  const open = (index: number | null, policy: SlaPolicy) => {
    setOpenings((n) => n + 1);
    setEditing({ index, policy, opening: openings + 1 });
  };
  const [note, setNote] = useState('');
  const [viewing, setViewing] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const old = useQuery({
    queryKey: ['sla', 'version', viewing],
    queryFn: () => getSlaVersion(viewing as number),
    enabled: viewing !== undefined,
  });

  useEffect(() => {
    setDraft(current.data ? structuredClone(current.data.policies) : undefined);
    setError(undefined);
  }, [current.data]);

  const issues = useMemo(() => issuesByPolicy(error), [error]);
  const shown = viewing !== undefined ? old.data?.policies : draft;
  const readOnly = !mayEdit || viewing !== undefined;
  const dirty =
    !!draft && !!current.data && JSON.stringify(draft) !== JSON.stringify(current.data.policies);

  async function save(base: SlaPoliciesInForce) {
    if (!draft) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await saveSlaPolicies({
        policies: draft,
        version: base.version,
        note: note || undefined,
      });
      queryClient.setQueryData(['sla', 'policies'], saved);
      setNote('');
      message.success(t('sla.saved', { version: saved.version }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  async function resetToTemplate() {
    try {
      setDraft((await getSlaTemplate()).policies);
      setError(undefined);
      message.info(t('sla.resetDone'));
    } catch (e) {
      setError(e);
    }
  }

  const data = current.data;
  return (
    <>
      <PageHeader title={t('sla.title')} />
      <Typography.Paragraph type="secondary">{t('sla.intro')}</Typography.Paragraph>
      {current.isError && <Alert type="error" showIcon title={errorMessage(t, current.error)} />}
      {!mayEdit && (
        <Alert type="info" showIcon title={t('sla.readOnly')} style={{ marginBottom: 12 }} />
      )}
      {data && data.schemeId === null && (
        <Alert type="warning" showIcon title={t('sla.noScheme')} style={{ marginBottom: 12 }} />
      )}
      {current.isLoading && <Spin />}
      {data && shown && (
        <>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} data-testid="sla-version">
            <Tag color={data.version === null ? 'default' : 'blue'}>
              {data.version === null
                ? t('sla.template')
                : t('sla.version', { version: data.version })}
            </Tag>
            {data.savedAt && (
              <Typography.Text type="secondary">
                {t('sla.savedBy', {
                  name: data.savedBy?.name ?? '—',
                  at: formatDateTime(data.savedAt, i18n.language),
                })}
              </Typography.Text>
            )}
            {dirty && viewing === undefined && <Tag color="orange">{t('sla.unsaved')}</Tag>}
          </Flex>
          {viewing !== undefined && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('sla.viewing', { version: viewing })}
              action={
                <Button size="small" onClick={() => setViewing(undefined)}>
                  {t('sla.backToCurrent')}
                </Button>
              }
            />
          )}
          {error !== undefined && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="sla-save-error"
              title={issues.size ? t('sla.fixIssues') : errorMessage(t, error)}
            />
          )}
          <SlaPolicyTable
            policies={shown}
            readOnly={readOnly}
            issues={viewing === undefined ? issues : new Map()}
            onEdit={(index) => {
              const policy = draft?.[index];
              if (policy) open(index, policy);
            }}
            onRemove={(index) => {
              // Issues name policies by position: once the list changes they no longer line up.
              setError(undefined);
              setDraft((d) => d?.filter((_, i) => i !== index));
            }}
          />
          {!readOnly && (
            <Flex gap={8} wrap style={{ marginTop: 12 }}>
              <Button onClick={() => open(null, blankPolicy(data.calendars[0]?.key ?? ''))}>
                {t('sla.add')}
              </Button>
              <Button onClick={resetToTemplate} data-testid="sla-reset">
                {t('sla.resetTemplate')}
              </Button>
              <Input
                style={{ width: 360 }}
                value={note}
                maxLength={2000}
                placeholder={t('sla.notePlaceholder')}
                aria-label={t('sla.note')}
                data-testid="sla-note"
                onChange={(e) => setNote(e.target.value)}
              />
              <Button
                type="primary"
                loading={saving}
                disabled={!dirty}
                data-testid="sla-save"
                onClick={() => save(data)}
              >
                {t('sla.save')}
              </Button>
            </Flex>
          )}
          <SlaPolicyModal
            key={editing?.opening ?? 0}
            policy={editing?.policy}
            data={data}
            onCancel={() => setEditing(undefined)}
            onOk={(p) => {
              setError(undefined);
              setDraft((d) => {
                if (!d) return d;
                if (editing?.index == null) return [...d, p];
                return d.map((x, i) => (i === editing.index ? p : x));
              });
              setEditing(undefined);
            }}
          />
          <SlaExplainPanel tiers={data.tiers} />
          <SlaVersions current={data.version} onView={setViewing} />
        </>
      )}
    </>
  );
}
