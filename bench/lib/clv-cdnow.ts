import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClvTransaction } from '../../src/domain/analytics/clv/rfm-summary';

/** The CDNOW sample's calibration end and holdout end (../shared/data/README.md). */
export const CDNOW_CALIBRATION_END = '1997-09-30';
export const CDNOW_HOLDOUT_END = '1998-06-30';

/**
 * The published CDNOW results the fit is compared with (../shared/data/README.md): the paper's
 * rounded BG/NBD values, CLVTools' precise ones, and the precise Gamma-Gamma MLE.
 */
export const CDNOW_PUBLISHED = {
  bgnbdPaper: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4 },
  bgnbdPrecise: {
    r: 0.2425945,
    alpha: 4.4136019,
    a: 0.7929199,
    b: 2.4258881,
    logLikelihood: -9582.429,
  },
  gammaGammaPaper: { p: 6.25, q: 3.74, gamma: 15.44 },
  gammaGammaPrecise: { p: 6.249574, q: 3.744225, gamma: 15.443518, logLikelihood: -4055.9177 },
} as const;

/**
 * The CDNOW sample's purchases (`CDNOW_sample.txt` in ../shared/data beside the repository:
 * `master_id sample_id yyyymmdd n_cds dollars`, one purchase a line), with the sample id as the
 * customer. Throws with the file name when the shared data is not there.
 */
export function cdnowSampleTransactions(): ClvTransaction[] {
  const file = fileURLToPath(new URL('../../../shared/data/CDNOW_sample.txt', import.meta.url));
  const text = readFileSync(file, 'utf8');
  const out: ClvTransaction[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const ymd = f[2]!;
    out.push({
      customerId: String(Number(f[1])),
      date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
      amount: Number(f[4]),
    });
  }
  return out;
}
