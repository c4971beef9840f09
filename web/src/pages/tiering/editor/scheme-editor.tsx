import { CrownOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tabs, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, type FieldIssue } from '../../../api/client';
import {
  markServiceTier,
  type SchemeDocument,
  type SchemeSummary,
  type SchemeVersion,
  saveScheme,
} from '../../../api/tiering';
import { useAuth } from '../../../auth/auth-provider';
import { errorMessage } from '../../../errors';
import { PageHeader } from '../../../layout/page-header';
import { schemeName } from '../labels';
import { SchemePublications } from '../publications';
import { RunButton } from '../run-button';
import { SchemeRuns } from '../scheme-runs';
import { IssuesList } from './issues-list';
import { JsonEditor, parseJson } from './json-editor';
import { SchemeForm, type SchemeFormHandle } from './scheme-form';

/** True when parsed JSON has the lists the form needs, so it can be shown there. */
function formable(v: unknown): v is SchemeDocument {
  const d = v as Partial<Record<string, unknown>> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    Array.isArray(d.tiers) &&
    Array.isArray(d.metrics) &&
    (d.criteria === undefined || Array.isArray(d.criteria)) &&
    typeof d.assignment === 'object'
  );
}

/**
 * Edits one scheme in a form or as JSON. Saving sends the whole document; the server makes a
 * new version when the latest is locked by a published result, else replaces the draft, and
 * names every problem with its path (shown on the field and in a list).
 */
export function SchemeEditor({
  scheme,
  version,
}: {
  scheme: SchemeSummary;
  version: SchemeVersion;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const client = useQueryClient();
  const formRef = useRef<SchemeFormHandle>(null);
  const [current, setCurrent] = useState(version);
  const [doc, setDoc] = useState(version.document);
  const [formKey, setFormKey] = useState(0);
  const [tab, setTab] = useState<'form' | 'json' | 'runs' | 'publications'>('form');
  // Where the document was last edited: the runs and publications tabs show no document, so
  // saving from them saves whichever editor was used before.
  const [source, setSource] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string>();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [dirty, setDirty] = useState(false);
  const manage = can('tiering.manage');

  /** Loads a document into the form by mounting it afresh. */
  const load = (next: SchemeDocument) => {
    setDoc(next);
    setFormKey((k) => k + 1);
  };

  const save = useMutation({
    mutationFn: (document: unknown) => saveScheme(scheme.id, document),
    onSuccess: (saved) => {
      message.success(
        saved.version > current.version
          ? t('tiering.editor.savedNew', { n: saved.version })
          : t('tiering.editor.savedDraft', { n: saved.version }),
      );
      setIssues([]);
      setCurrent(saved);
      setDirty(false);
      load(saved.document);
      if (source === 'json') setJson(JSON.stringify(saved.document, null, 2));
      client.setQueryData(['tiering', 'version', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['tiering', 'schemes'] });
      void client.invalidateQueries({ queryKey: ['tiering', 'scheme', scheme.id] });
    },
    onError: (e) => {
      const list = e instanceof ApiError ? e.issues : [];
      setIssues(list);
      if (source === 'form') formRef.current?.showIssues(list);
      message.error(list.length > 0 ? t('tiering.editor.saveRefused') : errorMessage(t, e));
    },
  });

  const serviceTier = useMutation({
    mutationFn: () => markServiceTier(scheme.id),
    onSuccess: () => {
      message.success(t('tiering.editor.markedServiceTier'));
      void client.invalidateQueries({ queryKey: ['tiering'] });
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });

  const onSave = async () => {
    if (source === 'json') {
      const parsed = parseJson(json);
      if (!parsed.ok) {
        setJsonError(parsed.error);
        return;
      }
      setJsonError(undefined);
      save.mutate(parsed.value);
      return;
    }
    const next = await formRef.current?.validated();
    if (next) save.mutate(next);
  };

  const switchTab = (key: string) => {
    if (key === 'runs' || key === 'publications') {
      setTab(key);
      return;
    }
    if (key === 'json') {
      if (source === 'form') {
        setJson(JSON.stringify(formRef.current?.current() ?? doc, null, 2));
        setJsonError(undefined);
        setSource('json');
      }
      setTab('json');
      return;
    }
    if (source === 'json') {
      const parsed = parseJson(json);
      const error = !parsed.ok
        ? parsed.error
        : formable(parsed.value)
          ? undefined
          : t('tiering.editor.jsonNotFormable');
      if (error !== undefined || !parsed.ok) {
        // The text cannot be shown in the form: stay on it so nothing typed is lost.
        setJsonError(error);
        setTab('json');
        return;
      }
      load(parsed.value as SchemeDocument);
      setSource('form');
    }
    setTab('form');
  };

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {schemeName(scheme, i18n.language)}
            <Tag>{t('tiering.versionN', { n: current.version })}</Tag>
            {current.locked ? (
              <Tag color="blue">{t('tiering.locked')}</Tag>
            ) : (
              <Tag>{t('tiering.draft')}</Tag>
            )}
            {scheme.serviceTier && (
              <Tag icon={<CrownOutlined />} color="gold">
                {t('tiering.schemes.serviceTier')}
              </Tag>
            )}
          </Space>
        }
        subtitle={t('tiering.editor.subtitle', { key: scheme.key })}
        extra={
          <Space wrap>
            <Link to="/tiering">
              <Button>{t('common.back')}</Button>
            </Link>
            {manage && !scheme.serviceTier && (
              <Popconfirm
                title={t('tiering.editor.markServiceTierConfirm')}
                okText={t('common.yes')}
                cancelText={t('common.no')}
                onConfirm={() => serviceTier.mutate()}
              >
                <Button icon={<CrownOutlined />} loading={serviceTier.isPending}>
                  {t('tiering.editor.markServiceTier')}
                </Button>
              </Popconfirm>
            )}
            {can('tiering.run') && <RunButton versionId={current.id} unsaved={dirty} />}
            {manage && (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                onClick={() => void onSave()}
              >
                {t('common.save')}
              </Button>
            )}
          </Space>
        }
      />
      <IssuesList issues={issues} />
      <Tabs
        activeKey={tab}
        onChange={switchTab}
        items={[
          {
            key: 'form',
            label: t('tiering.editor.formTab'),
            children: (
              <SchemeForm
                key={formKey}
                ref={formRef}
                doc={doc}
                disabled={!manage}
                onDirty={() => setDirty(true)}
              />
            ),
          },
          {
            key: 'json',
            label: t('tiering.editor.jsonTab'),
            children: (
              <JsonEditor
                value={json}
                onChange={(text) => {
                  setJson(text);
                  setDirty(true);
                }}
                error={jsonError}
                readOnly={!manage}
              />
            ),
          },
          {
            key: 'runs',
            label: t('tiering.editor.runsTab'),
            children: <SchemeRuns schemeId={scheme.id} />,
          },
          {
            key: 'publications',
            label: t('publications.tab'),
            children: <SchemePublications schemeId={scheme.id} />,
          },
        ]}
      />
    </>
  );
}
