/** Where in a scheme document a problem is: property names and array indexes. */
export type IssuePath = readonly (string | number)[];

/** One problem with a scheme, found by the schema or by the cross-field checks. */
export interface SchemeIssue {
  path: IssuePath;
  message: string;
}

/** Formats a path the way people read it: `criteria[2].bands[1].min`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(scheme)';
}
