import { api } from './client';
import type { EntitlementBalance, LocalText } from './entitlements';

export interface CardTag {
  key: string;
  source: 'stored' | 'derived';
  name: LocalText | null;
  action: LocalText | null;
}

export interface OpenTicket {
  id: number;
  subject: string;
  category: string;
  level: number;
  status: string;
  openedAt: string;
}

/** The front-line card of one customer. */
export interface FrontlineCard {
  customer: {
    id: number;
    code: string;
    name: string;
    type: string;
    region: string | null;
    lifecycleStage: string;
    owner: { id: number; name: string } | null;
  };
  otherMatches: { id: number; code: string; name: string }[];
  tier: { tier: string; name: LocalText; since: string | null; score: number | null } | null;
  policy: {
    paymentTerm: { id: string; name: LocalText; creditDays: number } | null;
    paymentTermAdjusted: boolean;
    leadTimeDays: number | null;
    inquiryReplyHours: number;
    accountModel: 'dedicated' | 'team' | 'pooled';
    rush: 'jump_queue' | 'by_capacity' | 'none';
    orderReview: 'light' | 'standard' | 'strict';
    executiveSponsor: boolean;
  } | null;
  tags: CardTag[];
  entitlements: EntitlementBalance[];
  openTickets: OpenTicket[];
  contacts: {
    name: string;
    title: string | null;
    role: string | null;
    isPrimary: boolean;
    phone: string | null;
  }[];
  contactsMasked: boolean;
}

/** What to look a customer up by. */
export type CardLookup = { code: string } | { phone: string };

/** The card of the customer with this code or contact phone. */
export function frontlineCard(lookup: CardLookup): Promise<FrontlineCard> {
  return api.get<FrontlineCard>('/api/frontline/card', lookup);
}

/**
 * Reads a search text as a code or a phone: text with letters is a code, text made only of
 * digits, spaces, +, - and brackets with at least 7 digits is a phone.
 */
export function lookupOf(text: string): CardLookup {
  const t = text.trim();
  const digits = t.replace(/\D/g, '');
  return /^[\d\s+\-()（）]+$/.test(t) && digits.length >= 7 ? { phone: t } : { code: t };
}
