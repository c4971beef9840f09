import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  type CatalogInForce,
  getCatalog,
  getCatalogTemplate,
  getCatalogVersion,
  listPolicySchemes,
  type PolicyCatalog,
  saveCatalog,
} from '../../api/policies';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { formatDateTime, localized } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { CatalogVersions } from './catalog-versions';
import { PaymentLadder } from './payment-ladder';
import { TierPolicyCard } from './tier-policy-card';

/**
 * The tier policy catalog: what each tier gets, edited as a whole and saved as a new version
 * (with a note) over the version it started from; the seed template can be loaded back, and
 * any earlier version opened read-only. Read-only for users who may not manage policies.
 */
export function PolicyCatalogPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const mayEdit = can('policies.manage');
  const schemes = useQuery({ queryKey: ['policies', 'schemes'], queryFn: listPolicySchemes });
  const [picked, setPicked] = useState<number | undefined>();
  const schemeId = picked ?? schemes.data?.[0]?.id;
  const current = useQuery({
    queryKey: ['policies', 'catalog', schemeId],
    queryFn: () => getCatalog(schemeId),
    enabled: schemeId !== undefined,
  });
  const [draft, setDraft] = useState<PolicyCatalog | undefined>();
  const [note, setNote] = useState('');
  const [viewing, setViewing] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const old = useQuery({
    queryKey: ['policies', schemeId, 'version', viewing],
    queryFn: () => getCatalogVersion(schemeId as number, viewing as number),
    enabled: schemeId !== undefined && viewing !== undefined,
  });

  // A freshly loaded catalog (another scheme, or after a save) replaces the draft.
  useEffect(() => {
    setDraft(current.data ? structuredClone(current.data.catalog) : undefined);
    setError(undefined);
  }, [current.data]);

  const issues = useMemo(() => {
    const m = new Map<string, string>();
    if (error instanceof ApiError) for (const i of error.issues) m.set(i.field, i.message);
    return m;
  }, [error]);
  const shown = viewing !== undefined ? old.data?.catalog : draft;
  // Rungs already saved keep their code: adjustments and queued orders refer to it.
  const savedIds = useMemo(
    () => new Set((current.data?.catalog.paymentTerms ?? []).map((x) => x.id)),
    [current.data],
  );
  const readOnly = !mayEdit || viewing !== undefined;
  const dirty =
    !!draft && !!current.data && JSON.stringify(draft) !== JSON.stringify(current.data.catalog);

  async function save(base: CatalogInForce) {
    if (!draft) return;
    setSaving(true);
    setError(undefined);
    try {
      const saved = await saveCatalog(base.schemeId, {
        catalog: draft,
        note: note || undefined,
        baseVersion: base.version,
      });
      queryClient.setQueryData(['policies', 'catalog', schemeId], saved);
      setNote('');
      message.success(t('policy.catalog.saved', { version: saved.version }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  async function resetToTemplate(id: number) {
    try {
      setDraft((await getCatalogTemplate(id)).catalog);
      setError(undefined);
      message.info(t('policy.catalog.resetDone'));
    } catch (e) {
      setError(e);
    }
  }

  const data = current.data;
  return (
    <>
      <PageHeader
        title={t('policy.catalog.title')}
        extra={
          <Select
            style={{ minWidth: 260 }}
            aria-label={t('policy.catalog.scheme')}
            data-testid="policy-scheme"
            value={schemeId}
            onChange={(v) => {
              setPicked(v);
              setViewing(undefined);
            }}
            options={(schemes.data ?? []).map((s) => ({
              value: s.id,
              label: `${localized(s.name.zh, s.name.en, i18n.language)}${
                s.serviceTier ? ` · ${t('policy.catalog.serviceTier')}` : ''
              }`,
            }))}
          />
        }
      />
      {schemes.data && schemes.data.length === 0 && (
        <Alert type="info" showIcon title={t('policy.catalog.noScheme')} />
      )}
      {(current.isError || schemes.isError) && (
        <Alert type="error" showIcon title={errorMessage(t, current.error ?? schemes.error)} />
      )}
      {!mayEdit && (
        <Alert
          type="info"
          showIcon
          title={t('policy.catalog.readOnly')}
          style={{ marginBottom: 12 }}
        />
      )}
      {current.isLoading && <Spin />}
      {data && shown && (
        <>
          <Flex
            gap={8}
            align="center"
            wrap
            style={{ marginBottom: 12 }}
            data-testid="catalog-version"
          >
            <Tag color={data.version === null ? 'default' : 'blue'}>
              {data.version === null
                ? t('policy.catalog.seedDefault')
                : t('policy.catalog.version', { version: data.version })}
            </Tag>
            {data.savedAt && (
              <Typography.Text type="secondary">
                {t('policy.catalog.savedBy', {
                  name: data.savedBy?.name ?? '—',
                  at: formatDateTime(data.savedAt, i18n.language),
                })}
              </Typography.Text>
            )}
            {dirty && viewing === undefined && (
              <Tag color="orange">{t('policy.catalog.unsaved')}</Tag>
            )}
          </Flex>
          {viewing !== undefined && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('policy.catalog.viewing', { version: viewing })}
              action={
                <Button size="small" onClick={() => setViewing(undefined)}>
                  {t('policy.catalog.backToCurrent')}
                </Button>
              }
            />
          )}
          <PaymentLadder
            key={viewing ?? 'draft'}
            terms={shown.paymentTerms}
            tiers={shown.tiers}
            savedIds={savedIds}
            readOnly={readOnly}
            issues={issues}
            onChange={(paymentTerms) => setDraft((d) => d && { ...d, paymentTerms })}
          />
          {shown.tiers.map((p, i) => (
            <TierPolicyCard
              key={`${viewing ?? 'draft'}-${p.tier}`}
              policy={p}
              index={i}
              tier={data.tiers.find((x) => x.id === p.tier)}
              ladder={shown.paymentTerms}
              readOnly={readOnly}
              issues={issues}
              onChange={(next) =>
                setDraft((d) => d && { ...d, tiers: d.tiers.map((x, j) => (j === i ? next : x)) })
              }
            />
          ))}
          {error !== undefined && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="catalog-error"
              title={
                error instanceof ApiError && error.code === 'CONFLICT'
                  ? t('policy.catalog.conflict')
                  : errorMessage(t, error)
              }
              description={
                issues.size > 0 && (
                  <ul style={{ margin: 0 }}>
                    {[...issues].map(([f, m]) => (
                      <li key={f}>
                        <Typography.Text code>{f}</Typography.Text> {m}
                      </li>
                    ))}
                  </ul>
                )
              }
              action={
                error instanceof ApiError && error.code === 'CONFLICT' ? (
                  <Button size="small" onClick={() => current.refetch()}>
                    {t('policy.catalog.reload')}
                  </Button>
                ) : undefined
              }
            />
          )}
          {!readOnly && (
            <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
              <Input
                style={{ maxWidth: 360 }}
                aria-label={t('policy.catalog.note')}
                placeholder={t('policy.catalog.notePlaceholder')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <Space>
                <Button
                  type="primary"
                  data-testid="catalog-save"
                  loading={saving}
                  onClick={() => save(data)}
                >
                  {t('policy.catalog.save')}
                </Button>
                <Button onClick={() => resetToTemplate(data.schemeId)}>
                  {t('policy.catalog.reset')}
                </Button>
                <Button
                  disabled={!dirty}
                  onClick={() => {
                    setDraft(structuredClone(data.catalog));
                    setError(undefined);
                  }}
                >
                  {t('policy.catalog.discard')}
                </Button>
              </Space>
            </Flex>
          )}
          <CatalogVersions schemeId={data.schemeId} current={data.version} onView={setViewing} />
        </>
      )}
    </>
  );
}
