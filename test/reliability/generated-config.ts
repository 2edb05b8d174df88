import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

let cacheDir: string | undefined;

/** A private copy of a config with `sites` sites from ../shared/tools/gen-config.mjs (generated once per run). */
export function generatedConfig(sites: number): string {
  cacheDir ??= tempDir('appcmd-generated-');
  const cached = join(cacheDir, `applicationHost.${sites}.config`);
  if (!existsSync(cached)) {
    execFileSync(process.execPath, [join(sharedDir, 'tools', 'gen-config.mjs'), String(sites), cached], { stdio: 'ignore' });
  }
  const dir = tempDir('appcmd-rel-');
  const file = join(dir, 'applicationHost.config');
  copyFileSync(cached, file);
  return file;
}
