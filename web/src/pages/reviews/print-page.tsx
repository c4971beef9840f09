import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { listProposals, type Proposal } from '../../api/reviews';
import { getSchemeVersion } from '../../api/tiering';
import { errorMessage } from '../../errors';
import { formatMoney } from '../../format';
import { NotFoundPage } from '../not-found-page';
import { formatScore, localized, tierLabel } from '../tiering/labels';
import styles from './print-page.module.css';
import { useCycle } from './use-cycle';

const PAGE = 500;

/** Every line of the form, page by page (the server lists at most 500 at a time). */
async function allProposals(cycleId: number): Promise<Proposal[]> {
  const rows: Proposal[] = [];
  for (let page = 1; ; page++) {
    const p = await listProposals(cycleId, {}, page, PAGE);
    rows.push(...p.items);
    if (rows.length >= p.total || p.items.length === 0) return rows;
  }
}

/**
 * The evaluation form laid out for paper: no menu, a plain table, signature lines, and a print
 * button that is itself not printed.
 */
export function PrintPage() {
  const { t, i18n } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const cycle = useCycle(id, valid);
  const versionId = cycle.data?.schemeVersionId;
  const version = useQuery({
    queryKey: ['tiering', 'version', versionId],
    queryFn: () => getSchemeVersion(versionId ?? 0),
    enabled: versionId !== undefined,
  });
  const rows = useQuery({
    queryKey: ['reviews', 'proposals', id, 'print'],
    queryFn: () => allProposals(id),
    enabled: valid,
  });

  if (!valid) return <NotFoundPage />;
  const error = cycle.error ?? version.error ?? rows.error;
  if (error) return <Alert type="error" showIcon title={errorMessage(t, error)} />;
  if (!cycle.data || !version.data || !rows.data) return <Skeleton active />;
  const c = cycle.data;
  const doc = version.data.document;
  const lng = i18n.language;
  const tier = (x: string | null) => (x ? tierLabel(t, doc, x, lng) : '');

  return (
    <div className={styles.sheet}>
      <div className={styles.noPrint}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('reviews.print.print')}
        </Button>
      </div>
      <h1 className={styles.title}>{t('reviews.print.title')}</h1>
      <p className={styles.meta}>
        {c.name} · {localized(c.schemeName, lng)} · {t('reviews.cycle.asOf', { date: c.asOf })}
      </p>
      <table className={styles.table} data-testid="print-table">
        <thead>
          <tr>
            <th>{t('reviews.form.code')}</th>
            <th>{t('reviews.form.name')}</th>
            <th>{t('reviews.form.region')}</th>
            <th>{t('reviews.form.score')}</th>
            <th>{t('reviews.form.revenue')}</th>
            <th>{t('reviews.form.computed')}</th>
            <th>{t('reviews.form.previous')}</th>
            <th>{t('reviews.form.proposed')}</th>
            <th>{t('reviews.form.credit')}</th>
            <th>{t('reviews.form.revised')}</th>
            <th>{t('reviews.form.final')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.data.map((p) => (
            <tr key={p.customerId}>
              <td>{p.code}</td>
              <td>{p.name}</td>
              <td>{p.region ?? ''}</td>
              <td>{formatScore(p.score)}</td>
              <td className={styles.num}>{formatMoney(p.revenueMinor, lng)}</td>
              <td>{tier(p.computedTier)}</td>
              <td>{tier(p.previousTier)}</td>
              <td>
                {tier(p.proposedTier)}
                {p.proposalReason && <div className={styles.reason}>{p.proposalReason}</div>}
              </td>
              <td>
                {p.creditGrade ?? ''}
                {p.receivablesConfirmed ? ` ✓` : ''}
              </td>
              <td>
                {tier(p.revisedTier)}
                {p.revisionReason && <div className={styles.reason}>{p.revisionReason}</div>}
              </td>
              <td>
                <strong>{tier(p.finalTier)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.signatures}>
        {c.steps
          .filter((s) => s.kind !== 'publish')
          .map((s) => (
            <span key={s.position}>{localized(s.name, lng)}: ____________</span>
          ))}
      </div>
    </div>
  );
}
