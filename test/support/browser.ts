import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildServer, DEFAULT_WEB_DIR } from '../../src/api/server';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import type { Deps } from '../../src/app/deps';
import { freshDeps } from './engines';

/** Debian's Chromium; browser tests never download one. */
export const CHROMIUM_PATH = process.env.TIERDESK_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails with the fix when the UI has not been built (npm test builds it first). */
export function requireBuiltWeb(webDir = DEFAULT_WEB_DIR): void {
  if (!existsSync(join(webDir, 'index.html'))) {
    throw new Error(
      `The web UI is not built (${join(webDir, 'index.html')} is missing). ` +
        'Run `npm run build:web` first; `npm test` does it for you.',
    );
  }
}

/** Launches headless Chromium, or fails saying how to install it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. ` +
        'Install it with `apt-get install -y chromium fonts-noto-cjk`.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The real server on a free local port, serving the built UI. */
export async function startWebServer(deps: Deps): Promise<{
  baseUrl: string;
  close: () => Promise<void>;
}> {
  requireBuiltWeb();
  const { app } = await buildServer(deps, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl: address, close: () => app.close() };
}

/**
 * Collects the page's errors and console errors (antd warnings included), so a test can assert
 * the UI ran cleanly.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer; the UI expects some (401 before sign-in, 409 on a stale
    // edit), so only the app's own errors count.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      errors.push(m.text());
    }
  });
  return errors;
}

/**
 * A fresh browser profile (no cookies, no stored language) sized like a laptop screen, with its
 * page's errors collected (see watchErrors).
 */
export async function newPage(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The UI drops antd's animations for reduced motion: clicks need not wait for them to end.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Signs in through the sign-in page with the Chinese labels (the default language). */
export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
  await page.waitForURL(/\/customers/);
}

/**
 * Adds what the page showed to a failure: its URL, the errors it logged, and a screenshot
 * saved to the temp folder, so a failed run can be understood without re-running it.
 */
export async function withPageState(err: unknown, page: Page, errors: string[]): Promise<Error> {
  const e = err instanceof Error ? err : new Error(String(err));
  const shot = join(tmpdir(), `tierdesk-e2e-${Date.now()}.png`);
  const saved = await page
    .screenshot({ path: shot, fullPage: true })
    .then(() => shot)
    .catch(() => 'none');
  e.message += `\n  page: ${page.url()}\n  screenshot: ${saved}`;
  if (errors.length) e.message += `\n  page errors:\n    ${errors.join('\n    ')}`;
  return e;
}

/** The open dropdown of an Ant Design select (closed ones stay in the DOM, hidden). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
}

/**
 * Waits until the page's finite animations (a drawer or dialog sliding in, a dropdown opening)
 * have ended: a click while its target still moves may land beside it or be lost.
 */
export async function settle(page: Page): Promise<void> {
  // A string, as the test project has no DOM types; infinite animations (spinners) never end.
  await page.evaluate(`Promise.all(
    document
      .getAnimations()
      .filter((a) => a.effect?.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined)),
  )`);
}

/**
 * Opens an Ant Design select, clicks the option with `title` and waits until `shown` is
 * visible; each try waits for animations to end first, and the whole pick is tried again when
 * any part of it fails. Why: on a loaded machine a dropdown sometimes closes under the click, or
 * one opening at the foot of a drawer keeps re-placing itself so the option is never stable.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  title: string,
  shown: Locator,
  attempts = 3,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await settle(page);
      if (!(await openDropdown(page).isVisible())) await select.click({ timeout: 5_000 });
      const option = openDropdown(page).getByTitle(title, { exact: true });
      await option.waitFor({ timeout: 5_000 });
      await settle(page);
      // The click event itself is what the select listens to, stable or not.
      await option
        .click({ timeout: 3_000 })
        .catch(() => option.dispatchEvent('click', undefined, { timeout: 3_000 }));
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      // Close a dropdown left open; Escape with none open would close the drawer instead.
      if (await openDropdown(page).isVisible()) await page.keyboard.press('Escape');
    }
  }
}

/**
 * The setup every browser test file shares, registered in the calling `describe`: a fresh SQLite
 * database with the first admin, `seed` run on it, the server with the built UI, and Chromium.
 * `inBrowser` runs a scenario on a fresh browser profile, adds the page's state to a failure,
 * and fails when the page logged an error. `asUser` runs a scenario signed in as a user: the
 * first one for that user signs in through the sign-in page, later ones open a new page in the
 * same profile (its session cookie and the cached UI kept, its stored language cleared), which
 * spares a sign-in and a cold load of the UI per scenario.
 */
export function useBrowserSuite<T>(seed: (deps: Deps) => Promise<T>) {
  const s = {} as {
    deps: Deps;
    dispose: () => Promise<void>;
    server: { baseUrl: string; close: () => Promise<void> };
    browser: Browser;
    seeded: T;
  };
  const profiles = new Map<string, BrowserContext>();
  beforeAll(async () => {
    requireBuiltWeb();
    // Chromium starts while the database is seeded.
    const browser = launchBrowser();
    try {
      ({ deps: s.deps, dispose: s.dispose } = await freshDeps('sqlite'));
      await ensureFirstAdmin(s.deps);
      s.seeded = await seed(s.deps);
      s.server = await startWebServer(s.deps);
    } finally {
      s.browser = await browser;
    }
  });
  afterAll(async () => {
    for (const context of profiles.values()) await context.close();
    await s.browser?.close();
    await s.server?.close();
    await s.dispose?.();
  });

  /** Runs `scenario` on `page`, adds the page's state to a failure, then checks its errors. */
  async function run(
    page: Page,
    errors: string[],
    scenario: (page: Page) => Promise<void>,
    after: () => Promise<void>,
  ): Promise<void> {
    page.setDefaultTimeout(15_000);
    try {
      await scenario(page);
    } catch (e) {
      throw await withPageState(e, page, errors);
    } finally {
      await after();
    }
    expect(errors).toEqual([]);
  }

  return {
    deps: () => s.deps,
    seeded: () => s.seeded,
    async inBrowser(scenario: (page: Page) => Promise<void>): Promise<void> {
      const { context, page, errors } = await newPage(s.browser, s.server.baseUrl);
      await run(page, errors, scenario, () => context.close());
    },
    /**
     * Runs `scenario` signed in as `username`, starting on the customer list as after a
     * sign-in. Only for scenarios that leave the session signed in.
     */
    async asUser(
      username: string,
      password: string,
      scenario: (page: Page) => Promise<void>,
    ): Promise<void> {
      const known = profiles.get(username);
      if (!known) {
        const { context, page, errors } = await newPage(s.browser, s.server.baseUrl);
        profiles.set(username, context);
        await run(
          page,
          errors,
          async (p) => {
            await signInAs(p, username, password);
            await scenario(p);
          },
          () => forgetLanguage(page),
        );
        return;
      }
      const page = await known.newPage();
      const errors = watchErrors(page);
      await run(
        page,
        errors,
        async (p) => {
          await p.goto('/customers');
          await scenario(p);
        },
        () => forgetLanguage(page),
      );
    },
  };
}

/**
 * Clears what the UI stored in the profile (the language) and closes the page, so the next
 * scenario in the profile starts as after a sign-in; the session cookie stays.
 */
async function forgetLanguage(page: Page): Promise<void> {
  // A string, as the test project has no DOM types.
  await page.evaluate('window.localStorage.clear()').catch(() => undefined);
  await page.close();
}

/**
 * Clicks `target` until `expected` shows, at most `tries` times. On a loaded machine a click
 * that lands while a dialog zooms in or the page re-renders is lost now and then; the user would
 * click again, and so does the test, instead of failing on a timing it does not test.
 */
export async function clickUntil(target: Locator, expected: Locator, tries = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await target.click({ timeout: 10_000 });
      await expected.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (i >= tries) throw e;
      if (await expected.isVisible()) return;
    }
  }
}
