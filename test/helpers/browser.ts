/**
 * Real-browser tests: Debian's Chromium driven by playwright-core (no browser
 * downloads), against a real Runway with the demo programme on its own
 * database. Screenshots of the main screens go to .cache/screenshots/
 * (gitignored) for a person to look at.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../fixtures/demo.js';
import { startTestRunway, type TestRunway } from './runway.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('.cache/screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Runway with the demo programme (the client is built by `npm test`'s pretest step). */
export function startDemoRunway(env: Record<string, string> = {}): Promise<TestRunway> {
  const client: Record<string, string> = process.env.WEB_CLIENT_DIR ? { WEB_CLIENT_DIR: process.env.WEB_CLIENT_DIR } : {};
  return startTestRunway({ DEMO_DATA: 'true', LOGIN_RATE_LIMIT: '1000', ...client, ...env });
}

export interface ContextOptions {
  /** Viewport width in CSS pixels (375 for a phone). */
  width?: number;
  height?: number;
  /** The client's language, stored as if chosen before (default: none, so Vietnamese). */
  lang?: 'vi' | 'en';
}

export async function newContext(browser: Browser, baseUrl: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: options.lang === 'en' ? 'en-GB' : 'vi-VN',
  });
  if (options.lang) await context.addInitScript((lang) => localStorage.setItem('runway.lang', lang), options.lang);
  context.setDefaultTimeout(10_000);
  return context;
}

/** Signs in through the login form; resolves once the role's first screen has its heading. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.locator('header nav').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails the test with what the page logged if it threw or logged an error. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export interface ScriptWeight {
  url: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Records the JavaScript a page loads from now on. `weigh()` sums what was
 * loaded so far: raw bytes and gzip bytes (the body gzipped at level 6, as the
 * server's compression does), whatever encoding the browser negotiated.
 */
export function recordScripts(page: Page): { weigh(): Promise<{ scripts: ScriptWeight[]; bytes: number; gzipBytes: number }> } {
  const pending: Array<Promise<ScriptWeight>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, bytes: body.length, gzipBytes: gzipSync(body, { level: 6 }).length })));
  });
  return {
    async weigh() {
      const scripts = await Promise.all(pending);
      return { scripts, bytes: scripts.reduce((sum, s) => sum + s.bytes, 0), gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0) };
    },
  };
}

/**
 * For a describe block: a Runway with the demo programme and one Chromium,
 * started before its tests and stopped after them. Read them from the
 * returned object inside the tests.
 */
export function demoAndBrowser(env: Record<string, string> = {}): { runway: TestRunway; browser: Browser } {
  const world = {} as { runway: TestRunway; browser: Browser };
  before(async () => {
    [world.runway, world.browser] = await Promise.all([startDemoRunway(env), launchChromium()]);
  });
  after(async () => {
    await world.browser?.close();
    await world.runway?.stop();
  });
  return world;
}
