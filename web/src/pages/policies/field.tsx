import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A labelled control with the server's message for it underneath, when there is one. */
export function Field({
  label,
  error,
  children,
  testId,
}: {
  label: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  testId?: string;
}) {
  return (
    // Controls keep their own width (a switch would otherwise stretch across the column).
    <Flex vertical gap={2} align="flex-start" data-testid={testId} style={{ minWidth: 150 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
      {error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Field messages by dotted path ('catalog.tiers.1.priceFloorPct'), from a VALIDATION error. */
export type IssueMap = ReadonlyMap<string, string>;
