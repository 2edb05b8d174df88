import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from '../helpers/paths.js';

const cacheDir = join(tmpdir(), `appcmd-generated-${process.pid}`);

/** A private copy of a config with `sites` sites from ../shared/tools/gen-config.mjs (generated once per run). */
export function generatedConfig(sites: number): string {
  const cached = join(cacheDir, `applicationHost.${sites}.config`);
  if (!existsSync(cached)) {
    mkdirSync(cacheDir, { recursive: true });
    execFileSync(process.execPath, [join(sharedDir, 'tools', 'gen-config.mjs'), String(sites), cached], { stdio: 'ignore' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'appcmd-rel-'));
  const file = join(dir, 'applicationHost.config');
  copyFileSync(cached, file);
  return file;
}
