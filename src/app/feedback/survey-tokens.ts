import { createHash, randomBytes } from 'node:crypto';

/** A fresh survey token: 32 random bytes, URL-safe. Only its hash is stored. */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 (hex) the store keeps for a token. */
export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The public answer page's path for a token (the web app's /public/survey route). */
export function surveyLink(token: string): string {
  return `/public/survey?token=${encodeURIComponent(token)}`;
}

/** Adds `days` days to an instant. */
export function addDays(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 86_400_000);
}
