#!/usr/bin/env node
// Screenshots of the `appcmd ui` pages for docs/ui.md and the README: the sites list, the FTP
// SSL Settings page, its Advanced dialog, and the page after Apply. Uses what the browser test
// uses (a copy of corpus file 04, the test certificate folder, Debian's chromium through
// playwright-core), so run `npm run build` and `bash scripts/setup-chromium.sh` first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../dist/test/ui/browser.js';
import { SITE, startFixture } from '../dist/test/ui/ui-fixture.js';

const out = join('docs', 'ui');
mkdirSync(out, { recursive: true });
const fx = await startFixture();
const browser = await launchChromium();
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  const shot = (name) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
  await page.goto(fx.server.url);
  await shot('sites');
  await page.getByRole('link', { name: SITE }).click();
  await page.getByRole('heading', { name: 'FTP SSL Settings' }).waitFor();
  await shot('ftp-ssl-settings');
  const ftp = (await page.locator('#cert option').allInnerTexts()).find((o) => o.startsWith('CN=ftp.example.com'));
  await page.getByLabel('SSL Certificate:').selectOption({ label: ftp });
  await page.getByLabel('Custom').check();
  await page.getByRole('button', { name: 'Advanced...' }).click();
  const dialog = page.getByRole('dialog', { name: 'Advanced SSL Policy' });
  await dialog.getByRole('group', { name: 'Control Channel:' }).getByLabel('Require only for credentials').check();
  await dialog.getByRole('group', { name: 'Data Channel:' }).getByLabel('Allow').check();
  await page.screenshot({ path: join(out, 'advanced.png') });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('#outcome').waitFor();
  await shot('after-apply');
  console.log(`wrote ${['sites', 'ftp-ssl-settings', 'advanced', 'after-apply'].map((n) => join(out, `${n}.png`)).join(', ')}`);
} finally {
  await browser.close();
  await fx.server.close();
}
