import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { type ClvFitPhase, runClvFit } from '../../app/clv/clv-fit.service';
import { type ClvModelView, modelView } from '../../app/clv/clv-read.service';
import { systemCtx } from '../../app/context';
import {
  findModel,
  latestFinishedModel,
  listModels,
} from '../../store/analytics/clv-models.repository';
import { withDeps } from '../with-deps';

interface FitOpts {
  asOf?: string;
  holdoutWeeks?: string;
  horizonMonths?: string;
  discountRate?: string;
  margin?: string;
  unit?: 'days' | 'weeks' | 'months';
}

/** Leaves absent options out and turns given ones into numbers (the service names bad ones). */
function numeric(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

const PHASES: Record<ClvFitPhase, string> = {
  loading: 'loading purchases',
  fitting: 'fitting',
  scoring: 'scoring customers',
  storing: 'storing predictions',
  done: 'done',
};

const fixed = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
const money = (minor: number) =>
  (minor / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The model as a few lines: settings, both fits, evaluation totals, warnings. */
function printModel(m: ClvModelView): void {
  console.log(
    `Model ${m.id} (${m.status}) as of ${m.asOf}, calibration to ${m.calibrationEnd}` +
      `${m.holdoutWeeks ? `, holdout ${m.holdoutWeeks} weeks` : ''}, unit ${m.unit}`,
  );
  console.log(
    `  horizon ${m.horizonMonths} months, discount ${(m.discountRate * 100).toFixed(1)} % a year` +
      `${m.margin === null ? '' : `, margin ${(m.margin * 100).toFixed(1)} %`}`,
  );
  console.log(
    `  customers ${m.customers} (repeat ${m.repeatCustomers}), scored ${m.scoredCustomers}`,
  );
  if (m.bgnbd) {
    const b = m.bgnbd;
    console.log(
      `  BG/NBD       r=${fixed(b.r, 6)} alpha=${fixed(b.alpha, 6)} a=${fixed(b.a, 6)} b=${fixed(b.b, 6)}` +
        `  LL=${fixed(b.logLikelihood, 4)}  iterations=${b.iterations}`,
    );
  }
  if (m.gammaGamma) {
    const g = m.gammaGamma;
    console.log(
      `  Gamma-Gamma  p=${fixed(g.p, 6)} q=${fixed(g.q, 6)} gamma=${fixed(g.gamma, 6)}` +
        `  LL=${fixed(g.logLikelihood, 4)}  iterations=${g.iterations}`,
    );
  } else if (m.status === 'finished') {
    console.log('  Gamma-Gamma  not fitted: spend and CLV are empty');
  }
  const h = m.evaluation?.holdout;
  if (h) {
    console.log(
      `  holdout ${h.from}..${h.to}: actual ${h.actual} repeat purchases, predicted ${fixed(h.predicted, 1)}`,
    );
  }
  const d = m.distribution?.clv;
  if (d) {
    console.log(
      `  CLV total ${money(d.totalMinor)}, median ${money(d.quantilesMinor.p50)}, ` +
        `top 20% hold ${(d.top20Share * 100).toFixed(1)} %`,
    );
  }
  for (const w of m.warnings) console.log(`  warning [${w.code}]: ${w.message}`);
  if (m.error) console.log(`  error: ${m.error}`);
}

/** `tierdesk clv fit|show`: fit lifetime-value models in this process and show the latest. */
export function registerClvCommands(program: Command): void {
  const clv = program
    .command('clv')
    .description('Customer lifetime value: BG/NBD purchase and Gamma-Gamma spend models');

  clv
    .command('fit')
    .description('Fit the models on the orders, score every customer and store the predictions')
    .option('--as-of <date>', 'last day of data, YYYY-MM-DD (default: today)')
    .option('--holdout-weeks <n>', 'weeks before --as-of kept out of the fit to compare with')
    .option('--horizon-months <n>', 'CLV horizon in months (default 12)')
    .option('--discount-rate <rate>', 'annual discount rate as a fraction (default 0.1)')
    .option('--margin <fraction>', 'gross margin 0–1 applied to CLV (default: CLV of revenue)')
    .addOption(new Option('--unit <unit>', 'model time unit').choices(['days', 'weeks', 'months']))
    .action(async (o: FitOpts) => {
      await withDeps(async (deps) => {
        const bar = new cliProgress.SingleBar(
          { format: '{bar} {percentage}% | {phase}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1, 0, { phase: PHASES.loading });
        let result: Awaited<ReturnType<typeof runClvFit>>;
        try {
          result = await runClvFit(
            deps,
            systemCtx('cli'),
            {
              ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
              ...(o.holdoutWeeks !== undefined ? { holdoutWeeks: numeric(o.holdoutWeeks) } : {}),
              ...(o.horizonMonths !== undefined ? { horizonMonths: numeric(o.horizonMonths) } : {}),
              ...(o.discountRate !== undefined ? { discountRate: numeric(o.discountRate) } : {}),
              ...(o.margin !== undefined ? { margin: numeric(o.margin) } : {}),
              ...(o.unit !== undefined ? { unit: o.unit } : {}),
            } as Parameters<typeof runClvFit>[2],
            {
              onProgress: (p) => {
                bar.setTotal(Math.max(1, p.total));
                bar.update(p.done, {
                  phase: p.step ? `${PHASES[p.phase]} ${p.step}` : PHASES[p.phase],
                });
              },
            },
          );
        } finally {
          bar.stop();
        }
        const m = await findModel(deps.store.db, result.modelId);
        if (m) printModel(modelView(m));
      });
    });

  clv
    .command('show')
    .description('Print the latest finished model (or the latest attempt when none finished)')
    .action(async () => {
      await withDeps(async (deps) => {
        const m =
          (await latestFinishedModel(deps.store.db)) ??
          (await listModels(deps.store.db, { limit: 1, offset: 0 })).items[0];
        if (!m) {
          console.log('No lifetime-value model yet. Run `tierdesk clv fit` first.');
          return;
        }
        printModel(modelView(m));
      });
    });
}
