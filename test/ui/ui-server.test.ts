import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { snapshot } from '../helpers/cli.js';
import { lineChange } from '../helpers/line-diff.js';
import { ask, field, SITE, startFixture, type UiFixture } from './ui-fixture.js';

let fx: UiFixture;
before(async () => {
  fx = await startFixture();
});
after(async () => {
  await fx.server.close();
});

const withToken = (path: string): string => `${path}${path.includes('?') ? '&' : '?'}token=${fx.server.token}`;
const settingsPath = (): string => withToken(`/ftpssl?site=${SITE}`);

async function settingsForm(): Promise<{ csrf: string; version: string }> {
  const page = await ask(fx.server, settingsPath());
  assert.equal(page.status, 200);
  return { csrf: field(page.body, 'csrf'), version: field(page.body, 'version') };
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams({ cert: 'current', policy: 'Custom', control: 'SslRequireCredentialsOnly', data: 'SslAllow', ...fields }).toString();
}

function unchanged(body: () => Promise<void>): Promise<void> {
  const before = snapshot(fx.file);
  return body().then(() => {
    const now = snapshot(fx.file);
    assert.ok(now.bytes.equals(before.bytes), 'the file is unchanged');
    assert.equal(now.mtimeNs, before.mtimeNs, 'the file was not rewritten');
  });
}

describe('appcmd ui server: what every request must carry', () => {
  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    assert.match(fx.server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a request without the token, or with a wrong one, with 403', async () => {
    for (const path of ['/', `/ftpssl?site=${SITE}`, `/?token=${fx.server.token.slice(0, -1)}x`, '/?token=']) {
      const r = await ask(fx.server, path);
      assert.equal(r.status, 403, path);
      assert.match(r.body, /token/);
      assert.doesNotMatch(r.body, /SupernovaFTP/);
    }
  });

  it('refuses a Host other than 127.0.0.1:PORT or localhost:PORT (DNS rebinding), even with the token', async () => {
    for (const host of ['attacker.example', `attacker.example:${fx.server.port}`, `127.0.0.1:${fx.server.port + 1}`, `0.0.0.0:${fx.server.port}`]) {
      const r = await ask(fx.server, withToken('/'), { headers: { Host: host } });
      assert.equal(r.status, 421, host);
      assert.match(r.body, /answers only to 127\.0\.0\.1/);
    }
    assert.equal((await ask(fx.server, withToken('/'), { headers: { Host: `localhost:${fx.server.port}` } })).status, 200);
  });

  it('refuses a request from another origin and never sends CORS headers', async () => {
    const cross = await ask(fx.server, withToken('/'), { headers: { Origin: 'http://attacker.example' } });
    assert.equal(cross.status, 403);
    const site = await ask(fx.server, withToken('/'), { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    assert.equal(site.status, 403);
    const preflight = await ask(fx.server, withToken('/ftpssl'), { method: 'OPTIONS', headers: { Origin: 'http://attacker.example', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(preflight.status, 403);
    const options = await ask(fx.server, withToken('/'), { method: 'OPTIONS' });
    assert.equal(options.status, 405);
    for (const r of [cross, site, preflight, options, await ask(fx.server, withToken('/'))]) {
      assert.equal(Object.keys(r.headers).filter((h) => h.startsWith('access-control-')).length, 0);
    }
  });

  it('sends the page with a nonce-only Content-Security-Policy, no caching, no framing, no referrer', async () => {
    const r = await ask(fx.server, withToken('/'));
    assert.equal(r.status, 200);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[\w-]+'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    const nonce = /'nonce-([\w-]+)'/.exec(csp)?.[1] ?? '';
    assert.match(r.body, new RegExp(`<style nonce="${nonce}">`));
    assert.doesNotMatch(r.body, /(src|href)="https?:/, 'no external assets');
  });
});

describe('appcmd ui server: writes', () => {
  it('refuses an Apply without the CSRF token, or with a wrong one, and writes nothing', async () => {
    const { version } = await settingsForm();
    await unchanged(async () => {
      for (const csrf of [undefined, 'x', fx.server.token]) {
        const r = await ask(fx.server, settingsPath(), { method: 'POST', body: form({ version, ...(csrf === undefined ? {} : { csrf }) }) });
        assert.equal(r.status, 403);
        assert.match(r.body, /CSRF/);
      }
    });
  });

  it('accepts no file or folder path from the browser, in the URL or in the form', async () => {
    const { csrf, version } = await settingsForm();
    await unchanged(async () => {
      for (const path of [withToken('/?apphostconfig=/etc/passwd'), withToken(`/ftpssl?site=${SITE}&certstore=/tmp`), withToken(`/ftpssl?site=${SITE}&file=/etc/passwd`)]) {
        const r = await ask(fx.server, path);
        assert.equal(r.status, 400, path);
        assert.match(r.body, /take no file or folder/);
      }
      const post = await ask(fx.server, settingsPath(), { method: 'POST', body: form({ csrf, version, apphostconfig: '/etc/passwd' }) });
      assert.equal(post.status, 400);
      for (const path of ['/etc/passwd', '/../../etc/passwd', '/ftpssl/../../etc/passwd', '/%2e%2e/etc/passwd']) {
        assert.equal((await ask(fx.server, withToken(path))).status, 404, path);
      }
    });
  });

  it('applies through set ftpssl\'s library: one line changes, the diff and the audit are shown', async () => {
    const { csrf, version } = await settingsForm();
    const before = readFileSync(fx.file, 'utf8');
    const r = await ask(fx.server, settingsPath(), { method: 'POST', body: form({ csrf, version }) });
    assert.equal(r.status, 200, r.body);
    const change = lineChange(before, readFileSync(fx.file, 'utf8'));
    assert.deepEqual(change.removed.map((l) => l.trim()), ['<ssl serverCertHash="9C6E626342DEED75BF5FBEA611AF21305FBF965C" serverCertStoreName="WebHosting" ssl128="false" controlChannelPolicy="SslAllow" dataChannelPolicy="SslAllow" />']);
    assert.deepEqual(change.added.map((l) => l.trim()), ['<ssl serverCertHash="9C6E626342DEED75BF5FBEA611AF21305FBF965C" serverCertStoreName="WebHosting" ssl128="false" controlChannelPolicy="SslRequireCredentialsOnly" dataChannelPolicy="SslAllow" />']);
    assert.match(r.body, /<span class="add">\+ *&lt;ssl [^\n]*controlChannelPolicy=&quot;SslRequireCredentialsOnly&quot;/);
    assert.match(r.body, /FTPS003 clear-after-logon/);
    assert.notEqual(field(r.body, 'version'), version, 'the page now carries the new version');
  });

  it('refuses an Apply from a page made from an older version of the file (409), writes nothing, offers a reload', async () => {
    const { csrf } = await settingsForm();
    await unchanged(async () => {
      const r = await ask(fx.server, settingsPath(), { method: 'POST', body: form({ csrf, version: 'old', control: 'SslRequire', data: 'SslRequire' }) });
      assert.equal(r.status, 409);
      assert.match(r.body, /changed on disk since this page was loaded/);
      assert.match(r.body, /id="reload" href="\/ftpssl\?site=SupernovaFTP&amp;token=/);
    });
  });

  it('refuses what set ftpssl refuses, with its text, and writes nothing', async () => {
    const { csrf, version } = await settingsForm();
    await unchanged(async () => {
      const expired = `My|${fx.certs.expired.thumbprint}`;
      const r = await ask(fx.server, settingsPath(), { method: 'POST', body: form({ csrf, version, cert: expired }) });
      assert.equal(r.status, 422);
      assert.match(r.body, /Not applied:<\/strong> .*expired/);
      assert.match(r.body, /Nothing was written/);
      const bad = await ask(fx.server, settingsPath(), { method: 'POST', body: form({ csrf, version, control: 'Sometimes' }) });
      assert.equal(bad.status, 400);
      assert.match(bad.body, /Invalid \/control value &quot;Sometimes&quot;\. Enum must be one of Allow, Require, CredentialsOnly/);
    });
  });

  it('answers an unknown site with appcmd\'s not-found text', async () => {
    const r = await ask(fx.server, withToken('/ftpssl?site=nope'));
    assert.equal(r.status, 404);
    assert.match(r.body, /Cannot find SITE object with identifier &quot;nope&quot;/);
  });
});

describe('appcmd ui server: siteDefaults', () => {
  it('shows where siteDefaults\' values come from and applies to siteDefaults, auditing every FTP site', async () => {
    const own = await startFixture();
    try {
      const path = `/ftpssl?siteDefaults=true&token=${own.server.token}`;
      const page = await ask(own.server, path);
      assert.equal(page.status, 200);
      assert.match(page.body, /controlChannelPolicy is the schema default/);
      const before = readFileSync(own.file, 'utf8');
      const body = new URLSearchParams({ csrf: field(page.body, 'csrf'), version: field(page.body, 'version'), cert: '', policy: 'Require', control: 'SslRequire', data: 'SslRequire', ssl128: 'true' }).toString();
      const r = await ask(own.server, path, { method: 'POST', body });
      assert.equal(r.status, 200, r.body);
      const change = lineChange(before, readFileSync(own.file, 'utf8'));
      assert.deepEqual(change.removed, []);
      assert.deepEqual(change.added.map((l) => l.trim()), ['<ftpServer>', '<security>', '<ssl ssl128="true" />', '</security>', '</ftpServer>']);
      assert.match(r.body, /<h3>SupernovaFTP<\/h3>/, 'the audit covers the sites that inherit the defaults');
    } finally {
      await own.server.close();
    }
  });
});
