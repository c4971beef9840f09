import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { createTicket } from '../../src/app/service/tickets.service';
import { useBrowserSuite } from '../support/browser';
import { seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** The web data plus one urgent ticket (24×7 clock, so its countdown always runs). */
async function seed(deps: Deps) {
  const ids = await seedWebData(deps);
  const { ticket } = await createTicket(deps, systemCtx(), {
    customerId: ids.get('KH-1001')!,
    channel: 'phone',
    category: 'emergency',
    level: 1,
    subject: '厂区停电',
  });
  return ticket.id;
}

describe('ticket SLA clocks in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('shows a live countdown in the queue and pauses and resumes the clock on the ticket', async () => {
    const id = suite.seeded();
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/service/tickets?tab=queue');
      const countdown = page.getByTestId(`queue-countdown-${id}`);
      await countdown.waitFor();
      // Level 1: a 30-minute response clock around the clock.
      expect(await countdown.textContent()).toMatch(/^00:[0-3]\d:\d{2}$/);
      const first = await countdown.textContent();
      await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);

      await page.getByTestId(`queue-row-${id}`).click();
      await page.getByTestId('ticket-sla').waitFor();
      expect(await page.getByTestId('sla-policy').textContent()).toContain('level-1');
      await page.getByTestId('sla-pause-reason').fill('等待客户确认停电范围');
      await page.getByTestId('sla-pause').click();
      await page.getByTestId('sla-paused').waitFor();
      await page.getByTestId('sla-event-paused').waitFor();
      await page.getByTestId('sla-resume').click();
      await page.getByTestId('sla-event-resumed').waitFor();
      await page.getByTestId('sla-pause').waitFor();
      expect(await page.getByTestId('sla-paused').count()).toBe(0);
    });
  });
});
