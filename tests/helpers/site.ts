/** The built site served on loopback and a browser, for a test file (registers its own hooks). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { DIST, requireDist } from './dist.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export interface SiteUnderTest {
  server: StaticServer;
  browser: Browser;
}

export function useBuiltSite(): SiteUnderTest {
  const site = {} as SiteUnderTest;
  beforeAll(async () => {
    requireDist();
    site.server = await serveStatic(DIST);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
