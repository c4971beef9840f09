/** Placeholder: filled in by the capability that owns this tab. */
export function ApiTokensTab() {
  return null;
}
