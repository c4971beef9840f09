/** The Tierdesk mark: three stacked tiers. Decorative, so hidden from screen readers. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1668dc" />
      <rect x="7" y="19" width="18" height="5" rx="1.5" fill="#fff" />
      <rect x="10" y="13" width="12" height="5" rx="1.5" fill="#fff" opacity=".85" />
      <rect x="13" y="7" width="6" height="5" rx="1.5" fill="#fff" opacity=".7" />
    </svg>
  );
}
