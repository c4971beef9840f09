import type { FieldIssue } from '../errors';

/**
 * Tags that only an approved request may set or remove: the "professional complainer"
 * blacklist changes how every counter and hotline treats a customer, so it needs a second
 * person's approval (the blacklist requests), not a tag edit or an import.
 */
export const APPROVED_TAGS = ['blacklist'] as const;

/**
 * The problem, if any, with a tag list that adds or drops an approved tag compared with the
 * customer's current tags (none for a new customer). Keeping an approved tag as it is is fine,
 * so an edit form that sends the tags back unchanged still saves.
 */
export function approvedTagIssue(
  requested: readonly string[],
  current: readonly string[],
): FieldIssue | undefined {
  for (const tag of APPROVED_TAGS) {
    if (requested.includes(tag) !== current.includes(tag))
      return {
        field: 'tags',
        message: `the ${tag} tag is set and removed only through an approved blacklist request`,
      };
  }
  return undefined;
}
