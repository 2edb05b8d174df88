import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { tempDir } from '../helpers/temp.js';

/** Debian's chromium package (scripts/setup-chromium.sh installs it); APPCMD_CHROMIUM overrides. */
export const CHROMIUM = process.env['APPCMD_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Without the background-networking switches Chromium keeps calling Google's services, which on
 * a closed network means retries and slow pages; the fresh profile keeps runs independent.
 */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One headless Chromium with a fresh, empty profile; its pages are the tabs of one window. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run "bash scripts/setup-chromium.sh" (Debian's chromium package) or set APPCMD_CHROMIUM to a Chromium binary. The browser test of appcmd ui cannot run without it.`);
  }
  return chromium.launchPersistentContext(tempDir('appcmd-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1180, height: 760 },
  });
}
