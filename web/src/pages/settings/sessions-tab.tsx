/** Placeholder: filled in by the capability that owns this tab. */
export function SessionsTab() {
  return null;
}
