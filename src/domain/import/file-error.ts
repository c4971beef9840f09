import { DomainError } from '../errors';

/** Stable reasons a whole file is refused, in `details.reason`. */
export type FileErrorReason =
  | 'empty-file'
  | 'too-large'
  | 'unsupported-type'
  | 'type-mismatch'
  | 'binary'
  | 'encoding'
  | 'syntax'
  | 'line-too-long'
  | 'sheet-not-found'
  | 'unreadable';

/**
 * A VALIDATION error about the file as a whole (or one place in it), in the same
 * `details.issues` shape as row errors so the API and the error report treat both alike.
 */
export function fileError(
  reason: FileErrorReason,
  message: string,
  extra: { row?: number; value?: unknown; expected?: string } = {},
): DomainError {
  return new DomainError('VALIDATION', message, {
    reason,
    issues: [{ field: '(file)', message, ...extra }],
  });
}
