import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';

/** A configuration file with no site and no pool: the target of a migration. */
export const EMPTY_CONFIG = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
    <system.applicationHost>
        <applicationPools>
        </applicationPools>
        <sites>
        </sites>
    </system.applicationHost>
</configuration>
`;

export function emptyConfigFile(name = 'applicationHost.config'): string {
  const file = join(tempDir('appcmd-empty-'), name);
  writeFileSync(file, EMPTY_CONFIG);
  return file;
}
