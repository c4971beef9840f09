import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Descriptions,
  Drawer,
  Empty,
  List,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type Explanation,
  getCustomerResult,
  RESULT_FLAGS,
  type ResultRow,
  type SchemeDocument,
} from '../../api/tiering';
import { errorMessage } from '../../errors';
import { ConditionGapView } from './condition-gap';
import { criterionLabel, formatScore, localized, tierLabel } from './labels';
import { metricKeyLabel } from './metric-catalog';

/** The rule a stored result names (`{ index, id? }`), or undefined when no rule placed it. */
function firedRule(raw: unknown): { index: number; id?: string } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { index?: unknown; id?: unknown };
  if (typeof r.index !== 'number') return undefined;
  return typeof r.id === 'string' ? { index: r.index, id: r.id } : { index: r.index };
}

/**
 * One customer's result explained: points per criterion, the rule that placed them, the flags,
 * and what they lack for the next tier (per criterion, and the failing parts of the rules and
 * gates that lead there), all in the UI language.
 */
export function ExplanationDrawer({
  runId,
  row,
  doc,
  onClose,
}: {
  runId: number;
  row: ResultRow;
  doc: SchemeDocument;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const q = useQuery({
    queryKey: ['tiering', 'explain', runId, row.customerId],
    queryFn: () => getCustomerResult(runId, row.customerId),
  });
  const result = q.data?.result ?? row;
  const rule = firedRule(result.rules);
  const ruleDef = rule ? doc.assignment.rules?.[rule.index] : undefined;
  const flags = (Object.keys(RESULT_FLAGS) as (keyof typeof RESULT_FLAGS)[]).filter(
    (f) => (result.flags & RESULT_FLAGS[f]) !== 0,
  );
  const points = Object.entries(result.points ?? {}).map(([criterion, p]) => ({ criterion, p }));

  return (
    <Drawer
      open
      size={640}
      onClose={onClose}
      title={t('tiering.explain.title', { code: row.code, name: row.name })}
      data-testid="explanation"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('tiering.results.tier')}>
            <Tag color="blue">{tierLabel(t, doc, result.tier, lng)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('tiering.results.published')}>
            {result.previousTier ? tierLabel(t, doc, result.previousTier, lng) : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('tiering.results.score')}>
            {formatScore(result.score)}
          </Descriptions.Item>
          <Descriptions.Item label={t('tiering.results.rank')}>
            {result.rank ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('tiering.explain.rule')} span={2}>
            {rule
              ? ruleDef?.label
                ? localized(ruleDef.label, lng)
                : t('tiering.explain.ruleN', { n: rule.index + 1, id: rule.id ?? '' })
              : t('tiering.explain.noRule')}
          </Descriptions.Item>
          {flags.length > 0 && (
            <Descriptions.Item label={t('tiering.explain.flags')} span={2}>
              {flags.map((f) => (
                <Tag key={f}>{t(`tiering.flags.${f}`)}</Tag>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>

        <div>
          <Typography.Title level={5}>{t('tiering.explain.points')}</Typography.Title>
          <Table
            size="small"
            rowKey="criterion"
            pagination={false}
            dataSource={points}
            locale={{ emptyText: t('tiering.explain.noCriteria') }}
            columns={[
              {
                key: 'criterion',
                title: t('tiering.explain.criterion'),
                render: (_: unknown, r) => criterionLabel(doc, r.criterion, lng),
              },
              {
                key: 'weight',
                title: t('tiering.editor.weight'),
                width: 90,
                render: (_: unknown, r) =>
                  doc.criteria.find((c) => c.id === r.criterion)?.weight ?? '',
              },
              {
                key: 'points',
                title: t('tiering.explain.pointsCol'),
                width: 100,
                render: (_: unknown, r) =>
                  r.p === null ? t('tiering.explain.missing') : formatScore(r.p),
              },
            ]}
          />
        </div>

        {q.isError && <Alert type="error" title={errorMessage(t, q.error)} />}
        {q.isLoading && <Skeleton active />}
        {q.data && <NextTier explanation={q.data.explanation} doc={doc} />}
      </Space>
    </Drawer>
  );
}

function NextTier({
  explanation: e,
  doc,
}: {
  explanation: Explanation | null;
  doc: SchemeDocument;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!e) return <Empty description={t('tiering.explain.unavailable')} />;
  if (!e.nextTier) return <Alert type="success" title={t('tiering.explain.top')} />;
  const en = lng.startsWith('en');
  return (
    <div data-testid="next-tier">
      <Typography.Title level={5}>
        {t('tiering.explain.forNext', { tier: tierLabel(t, doc, e.nextTier, lng) })}
      </Typography.Title>
      {e.targetScore !== null && (
        <Typography.Paragraph>
          {t('tiering.explain.target', {
            target: formatScore(e.targetScore),
            score: formatScore(e.score),
          })}
          {e.estimate && (
            <Tag style={{ marginInlineStart: 8 }}>{t('tiering.explain.estimate')}</Tag>
          )}
        </Typography.Paragraph>
      )}
      {e.shortfalls.length > 0 && (
        <List
          size="small"
          bordered
          header={t('tiering.explain.byCriterion')}
          dataSource={e.shortfalls}
          renderItem={(s) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>
                  {criterionLabel(doc, s.criterion, lng)} · {metricKeyLabel(t, doc, s.metric, lng)}
                </Typography.Text>
                <Typography.Text type={s.reachable ? undefined : 'secondary'}>
                  {en ? s.en : s.zh}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {e.rules.map((r) => {
        const def = doc.assignment.rules?.[r.rule];
        return (
          <div key={r.rule} style={{ marginTop: 12 }}>
            <Typography.Text strong>
              {def?.label
                ? localized(def.label, lng)
                : t('tiering.explain.ruleN', { n: r.rule + 1, id: r.id ?? '' })}
            </Typography.Text>
            <ConditionGapView gap={r.gap} doc={doc} />
          </div>
        );
      })}
      {e.gates.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('tiering.explain.gates')}</Typography.Text>
          {e.gates.map((g) => (
            <ConditionGapView key={g.path} gap={g} doc={doc} />
          ))}
        </div>
      )}
      {e.shortfalls.length === 0 && e.rules.length === 0 && e.gates.length === 0 && (
        <Typography.Text type="secondary">{t('tiering.explain.nothing')}</Typography.Text>
      )}
    </div>
  );
}
