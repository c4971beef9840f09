import type { Config } from '../../config';

/**
 * Whether e-mail is on, as configured at boot. dispatchEvent gets only a transaction and a
 * context (its callers are in the middle of their own use cases), so the setting it needs is
 * kept here, set once from the config when the server starts.
 */
let smtp: Config['smtp'] = null;

/** Sets the outbound channels from the config (at boot; tests set their own). */
export function configureNotificationChannels(config: Pick<Config, 'smtp'>): void {
  smtp = config.smtp;
}

/** True when TIERDESK_SMTP_URL is set: events also go out by e-mail. */
export function emailEnabled(): boolean {
  return smtp !== null;
}
