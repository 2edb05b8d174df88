import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { snapshot } from '../helpers/cli.js';
import { lineChange } from '../helpers/line-diff.js';
import { launchChromium } from './browser.js';
import { SITE, startFixture, type UiFixture } from './ui-fixture.js';

/**
 * The FTP SSL Settings page driven in headless Chromium, as an administrator would use it: one
 * browser for the whole file (start-up is the slow part), two tabs for the stale Apply.
 */
let fx: UiFixture;
let browser: BrowserContext;
let first: Page;
let second: Page;
let original: string;

before(async () => {
  fx = await startFixture();
  original = readFileSync(fx.file, 'utf8');
  browser = await launchChromium();
  first = browser.pages()[0] ?? (await browser.newPage());
});
after(async () => {
  await browser?.close();
  await fx?.server.close();
});

describe('appcmd ui in a browser', () => {
  it('lists the sites with their FTP bindings and findings, and opens a site\'s FTP SSL Settings', async () => {
    const response = await first.goto(fx.server.url);
    assert.equal(response?.status(), 200);
    const row = first.getByRole('row', { name: new RegExp(SITE) });
    assert.match(await row.innerText(), /ftp\/\*:21:/);
    assert.match(await row.innerText(), /FTPS001 ssl-optional/);
    await first.getByRole('link', { name: SITE }).click();
    await first.getByRole('heading', { name: 'FTP SSL Settings' }).waitFor();
    assert.equal(await first.getByLabel('SSL Certificate:').inputValue(), 'current', 'the file\'s thumbprint is not in the folder');
    assert.ok(await first.getByLabel('Allow SSL connections').isChecked());
    assert.ok(await first.getByRole('button', { name: 'Advanced...' }).isDisabled(), 'Advanced is for Custom only, as in IIS Manager');
    assert.match(await first.locator('#channels').innerText(), /controlChannelPolicy set on this site, line \d+/);
    const options = await first.locator('#cert option').allInnerTexts();
    assert.ok(options.some((o) => /^CN=old\.example\.com - expires \d{4}-\d\d-\d\d - store My \[EXPIRED\]$/.test(o)), options.join('\n'));
    // A second tab loads the same page now, before the first one writes.
    second = await browser.newPage();
    await second.goto(first.url());
  });

  it('picks a certificate, chooses Custom with the keyboard-operable Advanced dialog, applies: one line changes', async () => {
    const ftp = (await first.locator('#cert option').allInnerTexts()).find((o) => o.startsWith('CN=ftp.example.com'));
    assert.ok(ftp !== undefined);
    await first.getByLabel('SSL Certificate:').selectOption({ label: ftp });
    await first.getByLabel('Custom').check();
    const advanced = first.getByRole('button', { name: 'Advanced...' });
    await advanced.focus();
    await first.keyboard.press('Enter');
    const dialog = first.getByRole('dialog', { name: 'Advanced SSL Policy' });
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Control Channel:' }).getByLabel('Require only for credentials').check();
    await dialog.getByRole('group', { name: 'Data Channel:' }).getByLabel('Allow').check();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await first.getByRole('button', { name: 'Apply' }).click();
    await first.locator('#outcome').waitFor();

    const change = lineChange(original, readFileSync(fx.file, 'utf8'));
    assert.equal(change.removed.length, 1, 'exactly one line changed');
    assert.equal(change.added.length, 1);
    const expected = `<ssl serverCertHash="${fx.certs.valid.thumbprint}" serverCertStoreName="My" ssl128="false" controlChannelPolicy="SslRequireCredentialsOnly" dataChannelPolicy="SslAllow" />`;
    assert.equal(change.added[0]?.trim(), expected);
    assert.equal(change.removed[0]?.replace(/serverCertHash="\w+" serverCertStoreName="WebHosting"/, `serverCertHash="${fx.certs.valid.thumbprint}" serverCertStoreName="My"`).replace('"SslAllow" dataChannelPolicy', '"SslRequireCredentialsOnly" dataChannelPolicy'), change.added[0]);

    const outcome = await first.locator('#outcome').innerText();
    assert.match(outcome, /Applied\./);
    assert.match(await first.locator('#diff').innerText(), new RegExp(`\\+\\s+${escape(expected)}`));
    assert.match(await first.locator('#audit').innerText(), /FTPS003 clear-after-logon: Only the credentials are protected .*: commands after logon and data may travel in clear text\./);
    assert.equal(await first.getByLabel('SSL Certificate:').inputValue(), `My|${fx.certs.valid.thumbprint}`, 'the page shows the file as written');
    assert.ok(await first.getByLabel('Custom').isChecked());
  });

  it('refuses a request without the token', async () => {
    const refused = await first.goto(`${fx.server.origin}/ftpssl?site=${SITE}`);
    assert.equal(refused?.status(), 403);
    assert.match(await first.locator('body').innerText(), /token/);
  });

  it('refuses the second tab\'s Apply, made from the file before the first tab wrote it, and offers a reload', async () => {
    const before = snapshot(fx.file);
    await second.getByLabel('Require SSL connections').check();
    await second.getByRole('button', { name: 'Apply' }).click();
    await second.locator('#outcome').waitFor();
    assert.match(await second.locator('#outcome').innerText(), /changed on disk since this page was loaded.*Nothing was written/s);
    const now = snapshot(fx.file);
    assert.ok(now.bytes.equals(before.bytes), 'the file is unchanged');
    assert.equal(now.mtimeNs, before.mtimeNs);
    await second.getByRole('link', { name: 'Reload the page' }).click();
    await second.getByRole('heading', { name: 'FTP SSL Settings' }).waitFor();
    assert.ok(await second.getByLabel('Custom').isChecked(), 'the reloaded page shows what the first tab wrote');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
