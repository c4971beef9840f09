import type { TFunction } from 'i18next';
import type { ClvWarning } from '../../../api/clv';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * A model warning in the UI language: its title and a sentence built from the figures the
 * server stored with it. An unknown code shows the server's own (English) sentence.
 */
export function warningText(t: TFunction, w: ClvWarning): { title: string; text: string } {
  switch (w.code) {
    case 'negative_amounts':
      return {
        title: t('clv.warnings.negative_amounts'),
        text: t('clv.warnings.negative_amountsText', {
          orders: num(w.orders),
          customers: num(w.customers),
          codes: Array.isArray(w.customerCodes) ? w.customerCodes.join(', ') : '',
        }),
      };
    case 'spend_not_fitted':
      return {
        title: t('clv.warnings.spend_not_fitted'),
        text: t('clv.warnings.spend_not_fittedText', { count: num(w.positiveSpendCustomers) }),
      };
    case 'spend_unbounded':
      return {
        title: t('clv.warnings.spend_unbounded'),
        text: t('clv.warnings.spend_unboundedText', { q: num(w.q).toFixed(3) }),
      };
    case 'spend_not_converged':
    case 'bgnbd_not_converged':
      return {
        title: t(`clv.warnings.${w.code}`),
        text: t('clv.warnings.notConvergedText', { iterations: num(w.iterations) }),
      };
    case 'bgnbd_concentrated':
      return {
        title: t('clv.warnings.bgnbd_concentrated'),
        text: t('clv.warnings.bgnbd_concentratedText', {
          change: Math.abs(num(w.logLikelihoodChange)).toFixed(3),
        }),
      };
    case 'evaluation_unavailable':
      return {
        title: t('clv.warnings.evaluation_unavailable'),
        text: t('clv.warnings.evaluation_unavailableText'),
      };
    default:
      return { title: w.code, text: w.message };
  }
}
