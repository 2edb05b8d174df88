// The cases of issue 8. Each pairs one of our commands with a reference measured in the same run;
// `target` is the ratio (or, for memory, the MB) the issue asks for, when it asks for one.
import { join } from 'node:path';
import { batchFile, checkContains, checkOneStretchChanged, checkPolicies, freshCopy, generatedConfig, otherPolicy } from './files.mjs';
import { command } from './measure.mjs';

const SITES_SECTION = '-section:system.applicationHost/sites';

export function casesFor(env) {
  const { root, shared, out, sizes, bigSize } = env;
  const appcmd = join(root, 'bin', 'appcmd.js');
  const node = process.execPath;
  const ours = (label, argv, extra) => command(label, node, [appcmd, ...argv], extra);
  const cases = [];

  /** Our headline set and xmlstarlet's equivalent edit, each on a fresh copy of `source`. */
  const setPair = (source, key, site) => {
    const value = otherPolicy(source, site);
    const mine = join(out, `work.${key}.appcmd.config`);
    const theirs = join(out, `work.${key}.xmlstarlet.config`);
    return {
      value,
      ours: ours('appcmd set', ['set', 'config', SITES_SECTION, `/[name='${site}'].ftpServer.security.ssl.controlChannelPolicy:${value}`, '/commit:apphost', `/apphostconfig:${mine}`], {
        prepare: freshCopy(source, mine),
        check: () => checkOneStretchChanged(source, mine, value),
      }),
      xmlstarlet: command('xmlstarlet ed -L', 'xmlstarlet', ['ed', '-L', '-u', `/configuration/system.applicationHost/sites/site[@name='${site}']/ftpServer/security/ssl/@controlChannelPolicy`, '-v', value, theirs], {
        prepare: freshCopy(source, theirs),
        check: () => checkPolicies(theirs, new Map([[site, value]])),
      }),
    };
  };

  for (const n of sizes) {
    const source = generatedConfig(shared, out, n);
    const pair = setPair(source, n, `site-${Math.max(1, Math.floor(n / 2))}`);
    cases.push({
      id: `set-${n}`,
      title: `set, ${n.toLocaleString('en-US')} sites`,
      sites: n,
      ours: pair.ours,
      reference: pair.xmlstarlet,
      target: n === 10000 || n === 50000 ? { ratio: 1.0 } : undefined,
      chart: true,
    });
  }

  const tenK = generatedConfig(shared, out, 10000);
  const oneSet = setPair(tenK, '10000-ref', 'site-5000').ours;
  const addWork = join(out, 'work.add.config');
  // An add of one new site at 10,000 sites, against one set there; each must leave the site written.
  const addCase = (id, title, label, argv) => ({
    id,
    title,
    ours: ours(label, [...argv, `/apphostconfig:${addWork}`], {
      prepare: freshCopy(tenK, addWork),
      check: () => checkContains(addWork, 'name="new-site"'),
    }),
    reference: { ...oneSet, label: 'one set, 10,000 sites' },
    target: { ratio: 1.2 },
  });
  cases.push(
    addCase('add-config-10000', 'add via set config /+[name=…,id=…], 10,000 sites', 'appcmd set config /+', ['set', 'config', SITES_SECTION, "/+[name='new-site',id='99999']", '/commit:apphost']),
    addCase('add-site-10000', 'add site, 10,000 sites', 'appcmd add site', ['add', 'site', '/name:new-site', '/id:99999', '/bindings:ftp/*:21:new-site', '/physicalPath:D:\\inetpub\\new-site']),
  );

  cases.push({
    id: 'list-config-10000',
    title: 'list config -section:sites, 10,000 sites',
    ours: ours('appcmd list config', ['list', 'config', SITES_SECTION, `/apphostconfig:${tenK}`], {
      check: (r) => (r.stdout.includes('"site-10000"') ? undefined : 'the output does not list site-10000'),
    }),
    reference: command('xmlstarlet sel -c', 'xmlstarlet', ['sel', '-t', '-c', '/configuration/system.applicationHost/sites', tenK]),
  });
  cases.push({
    id: 'list-site-10000',
    title: 'list site, 10,000 sites',
    ours: ours('appcmd list site', ['list', 'site', `/apphostconfig:${tenK}`], {
      check: (r) => (r.stdout.split('\n').filter((l) => l.startsWith('SITE ')).length === 10000 ? undefined : 'the output does not have 10,000 SITE lines'),
    }),
    reference: command('xmlstarlet sel (SITE lines)', 'xmlstarlet', [
      'sel', '-t', '-m', '/configuration/system.applicationHost/sites/site',
      '-o', 'SITE "', '-v', '@name', '-o', '" (id:', '-v', '@id', '-o', ',bindings:',
      '-m', 'bindings/binding', '-v', "concat(@protocol,'/',@bindingInformation)", '-i', 'position()!=last()', '-o', ',', '-b', '-b',
      '-o', ',state:Unknown)', '-n', tenK,
    ]),
  });

  const corpus04 = join(shared, 'corpus', '04-coso-configuration-supernova.config');
  const small = setPair(corpus04, '04', 'SupernovaFTP');
  cases.push({
    id: 'set-corpus-04',
    title: 'set, corpus file 04 (small)',
    ours: small.ours,
    reference: command('node -e 0', node, ['-e', '0']),
    target: { ratio: 2.0 },
  });

  const batch = batchFile(out, tenK, 10000, 1000);
  const batchWork = join(out, 'work.batch.config');
  cases.push({
    id: 'batch-1000-10000',
    title: 'batch of 1,000 sets, 10,000 sites',
    ours: ours('appcmd batch', ['batch', batch.file, `/apphostconfig:${batchWork}`], {
      env: { APPCMD_APPHOSTCONFIG: batchWork },
      prepare: freshCopy(tenK, batchWork),
      check: () => checkPolicies(batchWork, batch.expected),
    }),
    reference: { ...oneSet, label: 'one set, 10,000 sites' },
    target: { ratio: 1.5 },
  });

  const big = generatedConfig(shared, out, bigSize);
  const memPair = setPair(big, `${bigSize}-mem`, `site-${bigSize / 2}`);
  cases.push({
    id: `memory-${bigSize}`,
    title: `peak memory (max RSS), set at ${bigSize.toLocaleString('en-US')} sites`,
    memory: true,
    ours: memPair.ours,
    reference: memPair.xmlstarlet,
    target: { mb: 400 },
  });
  return cases;
}
