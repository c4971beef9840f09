import type { ClvDistribution } from '../../clv/clv-distribution';
import { listClvCustomers } from '../../clv/clv-read.service';
import { col, label, type ReportFigure } from '../report-content';
import { type ReportSection, unavailable } from '../report-section';

/** Customers the top-CLV table lists. */
export const TOP_CLV_ROWS = 10;

/**
 * The newest finished lifetime-value model (src/app/clv): its date, horizon and fitted
 * parameters, CLV and P(alive) over the customers it scored, and the customers in scope with the
 * highest CLV. The model itself covers the whole customer base; only the top list is filtered
 * (by region, industry and owner, the filters the predictions carry).
 */
export const clvSection: ReportSection = {
  key: 'clv',
  title: label('客户终身价值（CLV）', 'Customer lifetime value (CLV)'),
  async build({ deps, ctx, scope }) {
    const list = await listClvCustomers(deps, ctx, {
      pageSize: TOP_CLV_ROWS,
      sort: 'clv',
      order: 'desc',
      ...(scope.region ? { region: scope.region } : {}),
      ...(scope.industry ? { industry: scope.industry } : {}),
      ...(scope.ownerId ? { ownerId: scope.ownerId } : {}),
    });
    const m = list.model;
    if (!m)
      return unavailable(
        label('尚未拟合终身价值模型。', 'No lifetime-value model has been fitted yet.'),
      );
    const d = m.distribution as ClvDistribution | null;
    const figures: ReportFigure[] = [
      {
        key: 'scored',
        label: label('评分客户', 'Customers scored'),
        kind: 'count',
        value: m.scoredCustomers,
      },
      {
        key: 'pAliveMean',
        label: label('平均存活概率', 'Mean P(alive)'),
        kind: 'percent',
        value: d?.pAliveMean ?? null,
      },
    ];
    if (d?.clv) {
      figures.push(
        {
          key: 'clvTotal',
          label: label(
            `CLV 合计（${m.horizonMonths}个月）`,
            `Total CLV (${m.horizonMonths} months)`,
          ),
          kind: 'money',
          value: d.clv.totalMinor,
        },
        {
          key: 'clvTop20',
          label: label('前20%客户CLV占比', 'Top 20% share of CLV'),
          kind: 'percent',
          value: d.clv.top20Share,
        },
      );
    }
    const bg = m.bgnbd;
    const gg = m.gammaGamma;
    const param = (zh: string, en: string, value: number | null) => ({
      item: label(zh, en),
      value,
    });
    return {
      note: label(
        `模型 #${m.id}，数据截至 ${m.asOf}，预测 ${m.horizonMonths} 个月，年折现率 ${m.discountRate}；模型覆盖全部客户。`,
        `Model #${m.id}, data to ${m.asOf}, ${m.horizonMonths}-month horizon, annual discount rate ${m.discountRate}; the model covers every customer.`,
      ),
      figures,
      tables: [
        {
          key: 'model',
          title: label('模型参数', 'Model'),
          columns: [col('item', '项目', 'Item', 'text'), col('value', '数值', 'Value', 'number')],
          rows: [
            param('拟合客户', 'Customers fitted', m.customers),
            param('重复购买客户', 'Repeat customers', m.repeatCustomers),
            param('BG/NBD r', 'BG/NBD r', bg?.r ?? null),
            param('BG/NBD α', 'BG/NBD alpha', bg?.alpha ?? null),
            param('BG/NBD a', 'BG/NBD a', bg?.a ?? null),
            param('BG/NBD b', 'BG/NBD b', bg?.b ?? null),
            param('BG/NBD 对数似然', 'BG/NBD log-likelihood', bg?.logLikelihood ?? null),
            param('Gamma-Gamma p', 'Gamma-Gamma p', gg?.p ?? null),
            param('Gamma-Gamma q', 'Gamma-Gamma q', gg?.q ?? null),
            param('Gamma-Gamma γ', 'Gamma-Gamma gamma', gg?.gamma ?? null),
          ],
        },
        {
          key: 'top_clv',
          title: label('CLV 最高的客户', 'Customers with the highest CLV'),
          columns: [
            col('code', '客户编码', 'Code', 'text'),
            col('name', '客户名称', 'Name', 'text'),
            col('pAlive', '存活概率', 'P(alive)', 'percent'),
            col('expectedPurchases', '预期购买次数', 'Expected purchases', 'number'),
            col('clv', 'CLV', 'CLV', 'money'),
          ],
          rows: list.items.map((p) => ({
            code: p.code,
            name: p.name,
            pAlive: p.pAlive,
            expectedPurchases: Math.round(p.expectedPurchases * 100) / 100,
            clv: p.clvMinor,
          })),
        },
      ],
      charts: [],
    };
  },
};
