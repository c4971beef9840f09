import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../errors';

/**
 * A message for a failed review action in the UI language. The workflow's refusals get a
 * sentence that says what to do; anything else falls back to the general message, which keeps
 * the server's own words.
 */
export function reviewError(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(t, err);
  const reason = typeof err.details.reason === 'string' ? err.details.reason : undefined;
  switch (err.code) {
    case 'STALE_VERSION':
      return t('reviews.errors.stale');
    case 'FORBIDDEN':
      return `${t('reviews.errors.forbidden')} (${err.message})`;
    case 'INVALID_STATE':
      if (reason === 'expired') return t('reviews.errors.expired');
      return `${t('reviews.errors.invalidState')} (${err.message})`;
    case 'CONFLICT':
      return `${t('reviews.errors.conflict')} (${err.message})`;
    case 'VALIDATION': {
      const issues = err.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return issues ? `${t('errors.VALIDATION')}: ${issues}` : errorMessage(t, err);
    }
    default:
      return errorMessage(t, err);
  }
}
