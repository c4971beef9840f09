import {
  AimOutlined,
  CarOutlined,
  FileProtectOutlined,
  InboxOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  QuestionCircleOutlined,
  ShareAltOutlined,
  ShoppingCartOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { FACT_KINDS, type FactKind } from '../../../api/facts';

/** The icon and colour of each kind of fact, the same on the timeline and the tabs. */
export const FACT_LOOK: Record<FactKind, { icon: ReactNode; color: string }> = {
  orders: { icon: <ShoppingCartOutlined />, color: '#1668dc' },
  payments: { icon: <MoneyCollectOutlined />, color: '#389e0d' },
  contracts: { icon: <FileProtectOutlined />, color: '#722ed1' },
  feedback: { icon: <MessageOutlined />, color: '#d46b08' },
  surveys: { icon: <StarOutlined />, color: '#d4b106' },
  visits: { icon: <CarOutlined />, color: '#08979c' },
  referrals: { icon: <ShareAltOutlined />, color: '#c41d7f' },
  competitors: { icon: <AimOutlined />, color: '#d4380d' },
  stagnation: { icon: <InboxOutlined />, color: '#595959' },
};

/** True for a kind this UI knows (the timeline may carry newer kinds). */
export function isFactKind(kind: string): kind is FactKind {
  return (FACT_KINDS as readonly string[]).includes(kind);
}

/** The look of any timeline kind; unknown kinds get a neutral one. */
export function lookOf(kind: string): { icon: ReactNode; color: string } {
  return isFactKind(kind) ? FACT_LOOK[kind] : { icon: <QuestionCircleOutlined />, color: 'gray' };
}
