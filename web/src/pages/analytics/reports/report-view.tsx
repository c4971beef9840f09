import { Alert, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportContent, ReportFigure, ReportSection, ReportTable } from '../../../api/reports';
import { formatDateTime } from '../../../format';
import { currentLanguage } from '../../../i18n';
import styles from './report.module.css';
import { ReportChartView } from './report-chart';
import { formatCell, isNumeric, kindOf, pick } from './report-format';

/** One headline number, with the period before and the change when there is one. */
function FigureBox({ f, lng }: { f: ReportFigure; lng: string }) {
  const { t } = useTranslation();
  const kind = f.kind === 'auto' ? 'number' : f.kind;
  const change = f.change ?? null;
  return (
    <div className={styles.figure} data-testid={`report-figure-${f.key}`}>
      <div className={styles.figureLabel}>{pick(f.label, lng)}</div>
      <div className={styles.figureValue}>{formatCell(f.value, kind, lng)}</div>
      {f.previous !== undefined && (
        <div className={styles.figureChange}>
          {t('reports.view.before', { value: formatCell(f.previous ?? null, kind, lng) })}
          {change !== null && (
            <span className={change >= 0 ? styles.up : styles.down}>
              {' '}
              {formatCell(change, 'change', lng)}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** A table of a section: antd on screen, a plain bordered table on paper. */
function TableView({ table, lng, plain }: { table: ReportTable; lng: string; plain: boolean }) {
  const { t } = useTranslation();
  const title = <div className={styles.tableTitle}>{pick(table.title, lng)}</div>;
  if (plain)
    return (
      <>
        {title}
        <table className={styles.plain} data-testid={`report-table-${table.key}`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key}>{pick(c.label, lng)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              // Stored rows have no id of their own; their order never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: the stored order is the identity
              <tr key={i}>
                {table.columns.map((c) => {
                  const kind = kindOf(c, r);
                  return (
                    <td key={c.key} className={isNumeric(kind) ? styles.num : undefined}>
                      {formatCell(r[c.key] ?? null, kind, lng)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  return (
    <>
      {title}
      <Table
        size="small"
        pagination={false}
        data-testid={`report-table-${table.key}`}
        rowKey={(r) => table.rows.indexOf(r)}
        dataSource={table.rows}
        locale={{ emptyText: t('reports.view.noRows') }}
        scroll={{ x: true }}
        columns={table.columns.map((c) => ({
          key: c.key,
          title: pick(c.label, lng),
          align: c.kind === 'text' || c.kind === 'date' ? 'left' : 'right',
          render: (_: unknown, r: ReportTable['rows'][number]) =>
            formatCell(r[c.key] ?? null, kindOf(c, r), lng),
        }))}
      />
    </>
  );
}

function SectionBody({ s, lng, plain }: { s: ReportSection; lng: string; plain: boolean }) {
  return (
    <>
      {s.note && <div className={styles.note}>{pick(s.note, lng)}</div>}
      {s.unavailable && (
        <Alert type="info" showIcon title={pick(s.unavailable, lng)} style={{ marginBottom: 8 }} />
      )}
      {s.figures.length > 0 && (
        <div className={styles.figures}>
          {s.figures.map((f) => (
            <FigureBox key={f.key} f={f} lng={lng} />
          ))}
        </div>
      )}
      {s.charts.length > 0 && (
        <div className={styles.charts}>
          {s.charts.map((c) => {
            const table = s.tables.find((x) => x.key === c.table);
            return table ? (
              <div className={styles.chart} key={`${c.table}-${c.label}`}>
                <ReportChartView
                  chart={c}
                  table={table}
                  lng={lng}
                  still={plain}
                  testId={`report-chart-${s.key}-${c.table}`}
                />
              </div>
            ) : null;
          })}
        </div>
      )}
      {s.tables.map((tb) => (
        <TableView key={tb.key} table={tb} lng={lng} plain={plain} />
      ))}
    </>
  );
}

/** What a report covered: its days, the days compared with, the window, the filters. */
function Meta({ c, lng }: { c: ReportContent; lng: string }) {
  const { t } = useTranslation();
  const span = (from: string, to: string) => t('reports.view.span', { from, to });
  const rows: [string, string][] = [
    [t('reports.view.period'), span(c.days.from, c.days.to)],
    [t('reports.view.previous'), span(c.days.previousFrom, c.days.previousTo)],
    ...(c.monthToDate
      ? [
          [t('reports.view.monthToDate'), span(c.monthToDate.from, c.monthToDate.to)] as [
            string,
            string,
          ],
        ]
      : []),
    [t('reports.view.window'), span(c.window.from, c.window.to)],
    [
      t('reports.view.filters'),
      c.scopeText ? pick(c.scopeText, lng) : t('reports.view.allCustomers'),
    ],
    [t('reports.view.generatedAt'), formatDateTime(c.generatedAt, lng)],
  ];
  return (
    <div className={styles.meta} data-testid="report-meta">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <span className={styles.metaKey}>{k}</span>
          <span>{v}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * A stored report, section by section: figures, charts and tables exactly as stored. `plain`
 * lays it out for paper (plain tables, no cards, charts without animation).
 */
export function ReportView({
  content,
  plain = false,
}: {
  content: ReportContent;
  plain?: boolean;
}) {
  const lng = currentLanguage();
  return (
    <div data-testid="report-view">
      <Meta c={content} lng={lng} />
      {content.sections.map((s) =>
        plain ? (
          <section key={s.key} className={styles.section} data-testid={`report-section-${s.key}`}>
            <h2 className={styles.sectionTitle}>{pick(s.title, lng)}</h2>
            <SectionBody s={s} lng={lng} plain />
          </section>
        ) : (
          <Card
            key={s.key}
            size="small"
            title={pick(s.title, lng)}
            style={{ marginBottom: 16 }}
            data-testid={`report-section-${s.key}`}
          >
            <SectionBody s={s} lng={lng} plain={false} />
          </Card>
        ),
      )}
    </div>
  );
}
