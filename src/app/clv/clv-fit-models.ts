import { type BgNbdFit, fitBgNbd } from '../../domain/analytics/clv/bgnbd';
import { fitGammaGamma, type GammaGammaFit } from '../../domain/analytics/clv/gamma-gamma';
import { DomainError } from '../../domain/errors';

/** The calibration columns both fits read (the histories' own arrays, or copies of them). */
export interface FitColumns {
  x: Int32Array;
  tX: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
}

/** Both maximum-likelihood fits; the spend fit may be refused by the data (all zero, too few). */
export interface FitOutput {
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit | null;
  /** Why the spend model could not be fitted (the domain's VALIDATION message). */
  spendRefused: string | null;
}

/**
 * Fits BG/NBD on every calibration customer and Gamma-Gamma on the repeat buyers, with the
 * domain's fitting functions. Pure and synchronous, so it runs the same in the caller's thread
 * or in a worker thread.
 */
export function fitModels(c: FitColumns): FitOutput {
  const n = c.x.length;
  const summaries = new Array<{ x: number; tX: number; T: number }>(n);
  const spend: { x: number; zbar: number }[] = [];
  for (let i = 0; i < n; i++) {
    const x = c.x[i]!;
    summaries[i] = { x, tX: c.tX[i]!, T: c.T[i]! };
    if (x > 0) spend.push({ x, zbar: c.zbar[i]! });
  }
  const bgnbd = fitBgNbd(summaries);
  try {
    return { bgnbd, gammaGamma: fitGammaGamma(spend), spendRefused: null };
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'VALIDATION') throw e;
    return { bgnbd, gammaGamma: null, spendRefused: e.message };
  }
}
