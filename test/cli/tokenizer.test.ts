import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitCommandLine } from '../../src/cli/command-line.js';
import { rejectExtraPositionals, tokenize } from '../../src/cli/tokenizer.js';
import type { Switch, SwitchOperator } from '../../src/cli/tokenizer.js';
import { AppcmdError } from '../../src/errors.js';
import { formatPropertyPath, parsePropertyPath } from '../../src/path/index.js';
import { segmentsArb, valueArb } from '../path/arbitraries.js';

/** The fields a test states; raw and index are checked separately. */
function brief(s: Switch): string {
  const op = { set: '', add: '+', remove: '-' }[s.operator];
  return `${s.prefix}${op}${s.escaped ? '!' : ''}${s.name}${s.value === undefined ? '' : ` => ${JSON.stringify(s.value)}`}`;
}

function one(token: string): Switch {
  const line = tokenize([token]);
  assert.equal(line.switches.length, 1, token);
  const s = line.switches[0];
  assert.ok(s !== undefined);
  return s;
}

describe('tokenize: prefixes and operators', () => {
  const cases: [string, string][] = [
    ["-[name='X'].attr:v", `-[name='X'].attr => "v"`],
    ["/-[name='X']", "/-[name='X']"],
    ["--[name='X']", "--[name='X']"],
    ["/-fileExtensions.[fileExtension='.exe']", "/-fileExtensions.[fileExtension='.exe']"],
    ["--fileExtensions.[fileExtension='.exe']", "--fileExtensions.[fileExtension='.exe']"],
    ["/+[name='x'].bindings.[protocol='ftp',bindingInformation='*:21:']", "/+[name='x'].bindings.[protocol='ftp',bindingInformation='*:21:']"],
    ["-+[name='x']", "-+[name='x']"],
    ['/!debug:value', '/!debug => "value"'],
    ['/+!x', '/+!x'],
    ['/xml', '/xml'],
    ['/name:', '/name => ""'],
    ['/?', '/?'],
    ['-?', '-?'],
    ['/section:?', '/section => "?"'],
    ['/text:*', '/text => "*"'],
    ['-section:system.applicationHost/sites', '-section => "system.applicationHost/sites"'],
    ["/[name='a:b'].x:v:w", `/[name='a:b'].x => "v:w"`],
    ['/bindings:ftp://*:21', '/bindings => "ftp://*:21"'],
    ['/SECTION:X', '/SECTION => "X"'],
    ['/', '/'],
    ['/+', '/+'],
    ['--', '--'],
    ['--?', '--?'],
    ['-1', '-1'],
  ];
  for (const [token, expected] of cases) {
    it(token, () => assert.equal(brief(one(token)), expected));
  }

  it('keeps raw and the argv index', () => {
    const line = tokenize(['set', '/a:1', 'config', '-b', '--json']);
    assert.deepEqual(
      line.switches.map((s) => [s.raw, s.index]),
      [
        ['/a:1', 1],
        ['-b', 3],
      ],
    );
    assert.deepEqual(line.positionals, [
      { text: 'set', index: 0 },
      { text: 'config', index: 2 },
    ]);
    assert.deepEqual(line.longOptions, [{ raw: '--json', name: 'json', value: undefined, index: 4 }]);
  });

  it('reads identifier-like --options as long options', () => {
    const line = tokenize(['--json', '--dry-run', '--no-color', '--format=json', '--schema-dir=./a.b/[x]', '--format=']);
    assert.deepEqual(
      line.longOptions.map((o) => [o.name, o.value]),
      [
        ['json', undefined],
        ['dry-run', undefined],
        ['no-color', undefined],
        ['format', 'json'],
        ['schema-dir', './a.b/[x]'],
        ['format', ''],
      ],
    );
    assert.equal(line.switches.length, 0);
  });

  it("keeps a lone '-' as a positional (stdin)", () => {
    const line = tokenize(['add', 'site', '-']);
    assert.deepEqual(
      line.positionals.map((p) => p.text),
      ['add', 'site', '-'],
    );
  });
});

describe('tokenize: values', () => {
  it('strips one pair of double quotes around a whole value', () => {
    assert.equal(one('/x:"a b"').value, 'a b');
    assert.equal(one('/userName:""').value, '');
    assert.equal(one('/commit:"MACHINE/WEBROOT/APPHOST"').value, 'MACHINE/WEBROOT/APPHOST');
  });

  it('reads """ inside a double-quoted value as a literal quote', () => {
    assert.equal(one('/x:"say """hi""""').value, 'say "hi"');
    assert.equal(one('/x:"""""').value, '"');
    // Four quotes inside is not a run of triples: not wholly quoted, kept as written.
    assert.equal(one('/x:""""""').value, '""""""');
  });

  it('leaves values that are not wholly quoted alone', () => {
    assert.equal(one('/x:"a"b"').value, '"a"b"');
    assert.equal(one('/x:"a').value, '"a');
    assert.equal(one('/x:"').value, '"');
    assert.equal(one("/x:'false'").value, "'false'");
    assert.equal(one('/x:a"b"').value, 'a"b"');
  });

  it('unwraps a parameter whose quotes were passed through literally', () => {
    assert.equal(brief(one('/"[name=\'x\'].ftpServer.logFile.period:Daily"')), `/[name='x'].ftpServer.logFile.period => "Daily"`);
    assert.equal(brief(one('/+"[name=\'x\']"')), "/+[name='x']");
    assert.equal(brief(one('/"x:a b"')), '/x => "a b"');
  });

  it('splits at the first colon outside brackets and quotes only', () => {
    assert.equal(brief(one('/"a":"b"')), '/"a" => "b"');
    assert.equal(brief(one("/[name='x]:y'].a:b")), `/[name='x]:y'].a => "b"`);
    assert.equal(brief(one('/[name="a:b"].c:d')), `/[name="a:b"].c => "d"`);
    assert.equal(brief(one("/[name='unterminated:x")), "/[name='unterminated:x");
  });
});

interface Recipe {
  readonly title: string;
  /** The line as typed in cmd.exe (variables expanded), when it comes from a .cmd file. */
  readonly windowsLine?: string;
  /** argv as the process receives it, e.g. from bash with the parameter in double quotes. */
  readonly argv: string[];
  readonly positionals: string[];
  /** As printed by brief(). */
  readonly switches: string[];
}

const SITES = '-section:system.applicationHost/sites';
const SITES_B = '-section => "system.applicationHost/sites"';
const APPHOST = '/commit => "apphost"';

/** appcmd.md §6, items 1–22 (variables replaced by sample values). */
const RECIPES: readonly Recipe[] = [
  {
    title: '1: serverCertHash',
    windowsLine: `appcmd.exe set config ${SITES} /[name='ftp.example.com'].ftpServer.security.ssl.serverCertHash:"57686f6120447564652c2049495320526f636b73" /commit:apphost`,
    argv: ['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.serverCertHash:57686f6120447564652c2049495320526f636b73", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='ftp.example.com'].ftpServer.security.ssl.serverCertHash => "57686f6120447564652c2049495320526f636b73"`, APPHOST],
  },
  {
    title: '2: controlChannelPolicy',
    windowsLine: `appcmd.exe set config ${SITES} /[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:"SslRequire" /commit:apphost`,
    argv: ['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy => "SslRequire"`, APPHOST],
  },
  {
    title: '2: dataChannelPolicy',
    windowsLine: `appcmd.exe set config ${SITES} /[name='ftp.example.com'].ftpServer.security.ssl.dataChannelPolicy:"SslRequire" /commit:apphost`,
    argv: ['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.ssl.dataChannelPolicy:SslRequire", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='ftp.example.com'].ftpServer.security.ssl.dataChannelPolicy => "SslRequire"`, APPHOST],
  },
  {
    title: '3: siteDefaults controlChannelPolicy',
    windowsLine: `appcmd.exe set config ${SITES} /siteDefaults.ftpServer.security.ssl.controlChannelPolicy:"SslAllow" /commit:apphost`,
    argv: ['set', 'config', SITES, '/siteDefaults.ftpServer.security.ssl.controlChannelPolicy:SslAllow', '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, '/siteDefaults.ftpServer.security.ssl.controlChannelPolicy => "SslAllow"', APPHOST],
  },
  {
    title: '4: sslClientCertificates',
    windowsLine: `appcmd.exe set config ${SITES} /[name='ftp.example.com'].ftpServer.security.sslClientCertificates.clientCertificatePolicy:"CertRequire" /[name='ftp.example.com'].ftpServer.security.sslClientCertificates.useActiveDirectoryMapping:"False" /commit:apphost`,
    argv: [
      'set',
      'config',
      SITES,
      "/[name='ftp.example.com'].ftpServer.security.sslClientCertificates.clientCertificatePolicy:CertRequire",
      "/[name='ftp.example.com'].ftpServer.security.sslClientCertificates.useActiveDirectoryMapping:False",
      '/commit:apphost',
    ],
    positionals: ['set', 'config'],
    switches: [
      SITES_B,
      `/[name='ftp.example.com'].ftpServer.security.sslClientCertificates.clientCertificatePolicy => "CertRequire"`,
      `/[name='ftp.example.com'].ftpServer.security.sslClientCertificates.useActiveDirectoryMapping => "False"`,
      APPHOST,
    ],
  },
  {
    title: '5: firewallSupport.externalIp4Address',
    windowsLine: `appcmd.exe set config ${SITES} /[name='ftp.example.com'].ftpServer.firewallSupport.externalIp4Address:"10.0.0.1" /commit:apphost`,
    argv: ['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.firewallSupport.externalIp4Address:10.0.0.1", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='ftp.example.com'].ftpServer.firewallSupport.externalIp4Address => "10.0.0.1"`, APPHOST],
  },
  {
    title: '6: data channel ports',
    windowsLine: 'appcmd.exe set config -section:system.ftpServer/firewallSupport /lowDataChannelPort:"5000" /highDataChannelPort:"6000" /commit:apphost',
    argv: ['set', 'config', '-section:system.ftpServer/firewallSupport', '/lowDataChannelPort:5000', '/highDataChannelPort:6000', '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: ['-section => "system.ftpServer/firewallSupport"', '/lowDataChannelPort => "5000"', '/highDataChannelPort => "6000"', APPHOST],
  },
  {
    title: '7: add authorization rule at a site',
    windowsLine: `appcmd.exe set config "Default Web Site" -section:system.ftpServer/security/authorization /+"[accessType='Allow',roles='administrators',permissions='Read, Write']" /commit:apphost`,
    argv: ['set', 'config', 'Default Web Site', '-section:system.ftpServer/security/authorization', "/+[accessType='Allow',roles='administrators',permissions='Read, Write']", '/commit:apphost'],
    positionals: ['set', 'config', 'Default Web Site'],
    switches: ['-section => "system.ftpServer/security/authorization"', "/+[accessType='Allow',roles='administrators',permissions='Read, Write']", APPHOST],
  },
  {
    title: '8: add ipSecurity entry',
    windowsLine: `appcmd.exe set config "Default Web Site" -section:system.ftpServer/security/ipSecurity /+"[ipAddress='169.254.0.0',subnetMask='255.255.0.0']" /commit:apphost`,
    argv: ['set', 'config', 'Default Web Site', '-section:system.ftpServer/security/ipSecurity', "/+[ipAddress='169.254.0.0',subnetMask='255.255.0.0']", '/commit:apphost'],
    positionals: ['set', 'config', 'Default Web Site'],
    switches: ['-section => "system.ftpServer/security/ipSecurity"', "/+[ipAddress='169.254.0.0',subnetMask='255.255.0.0']", APPHOST],
  },
  {
    title: '9: basicAuthentication.enabled',
    windowsLine: `appcmd.exe set config ${SITES} /[name='ftp.example.com'].ftpServer.security.authentication.basicAuthentication.enabled:"False" /commit:apphost`,
    argv: ['set', 'config', SITES, "/[name='ftp.example.com'].ftpServer.security.authentication.basicAuthentication.enabled:False", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='ftp.example.com'].ftpServer.security.authentication.basicAuthentication.enabled => "False"`, APPHOST],
  },
  {
    title: '10: three userIsolation attributes in one call',
    windowsLine: `appcmd.exe set config  ${SITES} /[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adUserName:"MyUser" /[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adPassword:"MyPassword" /[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adCacheRefresh:"00:02:00" /commit:apphost`,
    argv: [
      'set',
      'config',
      SITES,
      "/[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adUserName:MyUser",
      "/[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adPassword:MyPassword",
      "/[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adCacheRefresh:00:02:00",
      '/commit:apphost',
    ],
    positionals: ['set', 'config'],
    switches: [
      SITES_B,
      `/[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adUserName => "MyUser"`,
      `/[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adPassword => "MyPassword"`,
      `/[name='ftp.example.com'].ftpServer.userIsolation.activeDirectory.adCacheRefresh => "00:02:00"`,
      APPHOST,
    ],
  },
  {
    title: '11: add commandFiltering entry',
    windowsLine: `appcmd.exe set config ${SITES} /+"[name='Default Web Site'].ftpServer.security.commandFiltering.[command='SYST',allowed='False']" /commit:apphost`,
    argv: ['set', 'config', SITES, "/+[name='Default Web Site'].ftpServer.security.commandFiltering.[command='SYST',allowed='False']", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, "/+[name='Default Web Site'].ftpServer.security.commandFiltering.[command='SYST',allowed='False']", APPHOST],
  },
  {
    title: '12: denyByFailure, four attributes',
    windowsLine:
      'appcmd.exe set config  -section:system.ftpServer/security/authentication /denyByFailure.enabled:"True" /denyByFailure.maxFailure:"10" /denyByFailure.entryExpiration:"00:00:35" /denyByFailure.loggingOnlyMode:"False"  /commit:apphost',
    argv: [
      'set',
      'config',
      '-section:system.ftpServer/security/authentication',
      '/denyByFailure.enabled:True',
      '/denyByFailure.maxFailure:10',
      '/denyByFailure.entryExpiration:00:00:35',
      '/denyByFailure.loggingOnlyMode:False',
      '/commit:apphost',
    ],
    positionals: ['set', 'config'],
    switches: [
      '-section => "system.ftpServer/security/authentication"',
      '/denyByFailure.enabled => "True"',
      '/denyByFailure.maxFailure => "10"',
      '/denyByFailure.entryExpiration => "00:00:35"',
      '/denyByFailure.loggingOnlyMode => "False"',
      APPHOST,
    ],
  },
  {
    title: '13: add provider activation entry',
    windowsLine: `appcmd.exe set config -section:system.ftpServer/providerDefinitions /+"activation.[name='FtpXmlAuthentication'].[key='xmlFileName',value='C:\\Inetpub\\wwwroot\\App_Data\\Users.xml']" /commit:apphost`,
    argv: ['set', 'config', '-section:system.ftpServer/providerDefinitions', "/+activation.[name='FtpXmlAuthentication'].[key='xmlFileName',value='C:\\Inetpub\\wwwroot\\App_Data\\Users.xml']", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: ['-section => "system.ftpServer/providerDefinitions"', "/+activation.[name='FtpXmlAuthentication'].[key='xmlFileName',value='C:\\Inetpub\\wwwroot\\App_Data\\Users.xml']", APPHOST],
  },
  {
    title: '14: add requestFiltering fileExtension',
    windowsLine: `appcmd.exe set config "Default Web Site" -section:system.ftpServer/security/requestFiltering /+"fileExtensions.[fileExtension='.exe',allowed='False']" /commit:apphost`,
    argv: ['set', 'config', 'Default Web Site', '-section:system.ftpServer/security/requestFiltering', "/+fileExtensions.[fileExtension='.exe',allowed='False']", '/commit:apphost'],
    positionals: ['set', 'config', 'Default Web Site'],
    switches: ['-section => "system.ftpServer/security/requestFiltering"', "/+fileExtensions.[fileExtension='.exe',allowed='False']", APPHOST],
  },
  {
    title: '15: credentialsCache.enabled',
    windowsLine: 'Appcmd.exe set config -section:system.ftpServer/caching /credentialsCache.enabled:"False" /commit:apphost',
    argv: ['set', 'config', '-section:system.ftpServer/caching', '/credentialsCache.enabled:False', '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: ['-section => "system.ftpServer/caching"', '/credentialsCache.enabled => "False"', APPHOST],
  },
  {
    title: '16a: add site with ftp binding',
    windowsLine: 'appcmd add site /name:FTPWorkerRole /bindings:ftp://*:21 /physicalpath:"C:\\ftp root"',
    argv: ['add', 'site', '/name:FTPWorkerRole', '/bindings:ftp://*:21', '/physicalpath:C:\\ftp root'],
    positionals: ['add', 'site'],
    switches: ['/name => "FTPWorkerRole"', '/bindings => "ftp://*:21"', '/physicalpath => "C:\\\\ftp root"'],
  },
  {
    title: '16b: controlChannelPolicy without /commit',
    windowsLine: `appcmd set config ${SITES} /[name='FTPWorkerRole'].ftpServer.security.ssl.controlChannelPolicy:"SslAllow"`,
    argv: ['set', 'config', SITES, "/[name='FTPWorkerRole'].ftpServer.security.ssl.controlChannelPolicy:SslAllow"],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='FTPWorkerRole'].ftpServer.security.ssl.controlChannelPolicy => "SslAllow"`],
  },
  {
    title: '16c: remove authorization rule',
    windowsLine: "appcmd set config FTPWorkerRole /section:system.ftpserver/security/authorization /-[users='*'] /commit:apphost",
    argv: ['set', 'config', 'FTPWorkerRole', '/section:system.ftpserver/security/authorization', "/-[users='*']", '/commit:apphost'],
    positionals: ['set', 'config', 'FTPWorkerRole'],
    switches: ['/section => "system.ftpserver/security/authorization"', "/-[users='*']", APPHOST],
  },
  {
    title: '16d: ports from variables, no /commit',
    windowsLine: 'appcmd set config /section:system.ftpServer/firewallSupport /lowDataChannelPort:10000 /highDataChannelPort:10010',
    argv: ['set', 'config', '/section:system.ftpServer/firewallSupport', '/lowDataChannelPort:10000', '/highDataChannelPort:10010'],
    positionals: ['set', 'config'],
    switches: ['/section => "system.ftpServer/firewallSupport"', '/lowDataChannelPort => "10000"', '/highDataChannelPort => "10010"'],
  },
  {
    title: '16e: siteDefaults externalIp4Address',
    windowsLine: `appcmd set config ${SITES} /siteDefaults.ftpServer.firewallSupport.externalIp4Address:"203.0.113.5" /commit:apphost`,
    argv: ['set', 'config', SITES, '/siteDefaults.ftpServer.firewallSupport.externalIp4Address:203.0.113.5', '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, '/siteDefaults.ftpServer.firewallSupport.externalIp4Address => "203.0.113.5"', APPHOST],
  },
  {
    title: '17: PowerShell set site with five ssl attributes',
    argv: [
      'set',
      'site',
      'ftp.example.com',
      '/ftpServer.security.ssl.serverCertHash:57686F6120447564652C2049495320526F636B73',
      '/ftpServer.security.ssl.serverCertStoreName:My',
      '/ftpServer.security.ssl.ssl128:True',
      '/ftpServer.security.ssl.controlChannelPolicy:SslRequire',
      '/ftpServer.security.ssl.dataChannelPolicy:SslRequire',
    ],
    positionals: ['set', 'site', 'ftp.example.com'],
    switches: [
      '/ftpServer.security.ssl.serverCertHash => "57686F6120447564652C2049495320526F636B73"',
      '/ftpServer.security.ssl.serverCertStoreName => "My"',
      '/ftpServer.security.ssl.ssl128 => "True"',
      '/ftpServer.security.ssl.controlChannelPolicy => "SslRequire"',
      '/ftpServer.security.ssl.dataChannelPolicy => "SslRequire"',
    ],
  },
  {
    title: '18a: PowerShell add authorization rule with an empty roles value',
    argv: ['set', 'config', 'Site/app/dir', '/section:system.ftpServer/security/authorization', "/+[accessType='Allow',permissions='Read,Write',roles='',users='bob']", '/commit:apphost'],
    positionals: ['set', 'config', 'Site/app/dir'],
    switches: ['/section => "system.ftpServer/security/authorization"', "/+[accessType='Allow',permissions='Read,Write',roles='',users='bob']", APPHOST],
  },
  {
    title: "18b: PowerShell /allowUnlisted:'false' (PowerShell removes the quotes)",
    argv: ['set', 'config', 'Site', '/section:system.ftpServer/security/ipSecurity', '/allowUnlisted:false', '/commit:apphost'],
    positionals: ['set', 'config', 'Site'],
    switches: ['/section => "system.ftpServer/security/ipSecurity"', '/allowUnlisted => "false"', APPHOST],
  },
  {
    title: '18c: PowerShell /"[name=\'x\']...:Daily" on the sites short name',
    argv: ['set', 'config', '/section:sites', "/[name='x'].ftpServer.logFile.period:Daily"],
    positionals: ['set', 'config'],
    switches: ['/section => "sites"', `/[name='x'].ftpServer.logFile.period => "Daily"`],
  },
  {
    title: '18d: PowerShell set site userIsolation.mode',
    argv: ['set', 'site', 'x', '/ftpServer.userIsolation.mode:IsolateAllDirectories'],
    positionals: ['set', 'site', 'x'],
    switches: ['/ftpServer.userIsolation.mode => "IsolateAllDirectories"'],
  },
  {
    title: '19a: /site.name identifier',
    argv: ['set', 'site', '/site.name:MySite', '/ftpServer.security.ssl.ssl128:true'],
    positionals: ['set', 'site'],
    switches: ['/site.name => "MySite"', '/ftpServer.security.ssl.ssl128 => "true"'],
  },
  {
    title: "19b: PowerShell /lowDataChannelPort:'5000'",
    argv: ['set', 'config', '-section:system.ftpServer/firewallSupport', '/lowDataChannelPort:5000', '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: ['-section => "system.ftpServer/firewallSupport"', '/lowDataChannelPort => "5000"', APPHOST],
  },
  {
    title: `19c: PowerShell [name="'$Name'"] trick`,
    argv: ['set', 'config', SITES, "/[name='MySite'].ftpServer.security.ssl.serverCertHash:57686F6120447564652C2049495320526F636B73", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='MySite'].ftpServer.security.ssl.serverCertHash => "57686F6120447564652C2049495320526F636B73"`, APPHOST],
  },
  {
    title: '20: batch file with %mysslhash%',
    windowsLine: `appcmd.exe set config ${SITES} /[name='Drop'].ftpServer.security.ssl.serverCertHash:"0123456789abcdef0123456789abcdef01234567" /commit:apphost`,
    argv: ['set', 'config', SITES, "/[name='Drop'].ftpServer.security.ssl.serverCertHash:0123456789abcdef0123456789abcdef01234567", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `/[name='Drop'].ftpServer.security.ssl.serverCertHash => "0123456789abcdef0123456789abcdef01234567"`, APPHOST],
  },
  {
    title: '21: numeric enum value',
    windowsLine: 'appcmd set site "My FTP" /ftpServer.security.ssl.controlChannelPolicy:1',
    argv: ['set', 'site', 'My FTP', '/ftpServer.security.ssl.controlChannelPolicy:1'],
    positionals: ['set', 'site', 'My FTP'],
    switches: ['/ftpServer.security.ssl.controlChannelPolicy => "1"'],
  },
  {
    title: "22: whole token quoted, '-' prefix is a plain set",
    windowsLine: `appcmd.exe set config ${SITES} "-[name='Default FTP Site'].ftpServer.security.ssl.controlChannelPolicy:SslRequire" /commit:apphost`,
    argv: ['set', 'config', SITES, "-[name='Default FTP Site'].ftpServer.security.ssl.controlChannelPolicy:SslRequire", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `-[name='Default FTP Site'].ftpServer.security.ssl.controlChannelPolicy => "SslRequire"`, APPHOST],
  },
  {
    title: '22: selecting the site by [id=...]',
    windowsLine: `appcmd.exe set config ${SITES} -[id='4'].ftpServer.security.ssl.controlChannelPolicy:SslRequire /commit:apphost`,
    argv: ['set', 'config', SITES, "-[id='4'].ftpServer.security.ssl.controlChannelPolicy:SslRequire", '/commit:apphost'],
    positionals: ['set', 'config'],
    switches: [SITES_B, `-[id='4'].ftpServer.security.ssl.controlChannelPolicy => "SslRequire"`, APPHOST],
  },
];

describe('tokenize: every FTP command line of appcmd.md §6', () => {
  for (const recipe of RECIPES) {
    it(recipe.title, () => {
      const line = tokenize(recipe.argv);
      assert.deepEqual(
        line.positionals.map((p) => p.text),
        recipe.positionals,
      );
      assert.deepEqual(line.switches.map(brief), recipe.switches);
      assert.equal(line.longOptions.length, 0);
      // Every property switch names a path the path grammar accepts.
      for (const s of line.switches) {
        if (['section', 'commit'].includes(s.name.toLowerCase())) continue;
        assert.doesNotThrow(() => parsePropertyPath(s.name), s.name);
      }
      // The same command typed in cmd.exe splits into the same argv.
      if (recipe.windowsLine !== undefined) {
        assert.deepEqual(splitCommandLine(recipe.windowsLine).slice(1), recipe.argv);
      }
    });
  }

  it('22: unquoted site name with spaces fails on its third piece, with the exact text', () => {
    const argv = splitCommandLine(
      "appcmd.exe set config -section:system.applicationHost/sites -[name='Default FTP Site'].ftpServer.security.ssl.controlChannelPolicy:SslRequire /commit:apphost",
    ).slice(1);
    const line = tokenize(argv);
    assert.throws(
      () => rejectExtraPositionals(line, 3),
      (e: unknown) => {
        assert.ok(e instanceof AppcmdError);
        assert.equal(e.code, 'BAD_PREFIX');
        assert.equal(e.win32, 87);
        assert.equal(
          e.message,
          "Failed to process input: The parameter 'Site'].ftpServer.security.ssl.controlChannelPolicy:SslRequire' must begin with a / or - (HRESULT=80070057).",
        );
        assert.ok(e.hints.some((h) => h.includes('quote the whole parameter')));
        return true;
      },
    );
    assert.doesNotThrow(() => rejectExtraPositionals(tokenize(['set', 'config', 'Site', '/a:b']), 3));
  });
});

describe('a token where a parameter belongs', () => {
  const refusal = (token: string): AppcmdError => {
    try {
      rejectExtraPositionals(tokenize(['set', 'apppool', 'x', token]), 3);
    } catch (e) {
      assert.ok(e instanceof AppcmdError && e.code === 'BAD_PREFIX');
      return e;
    }
    assert.fail('no error');
  };

  it("is refused with appcmd's exact text", () => {
    assert.equal(
      refusal("Site'].logFile.logExtFileFlags:Date").message,
      "Failed to process input: The parameter 'Site'].logFile.logExtFileFlags:Date' must begin with a / or - (HRESULT=80070057).",
    );
  });

  it('explains a PowerShell split and a typographic dash', () => {
    assert.match(refusal('.IdentityType:NetworkService').hints.join('\n'), /PowerShell/);
    assert.match(refusal('\u2013section:asp').hints.join('\n'), /typographic dash/);
  });
});

describe('tokenize: properties (fast-check)', () => {
  it('never throws and places every token exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), valueArb, fc.constantFrom('-', '--', '/', '/-', '-+', '--x=1')), { maxLength: 8 }), (argv) => {
        const line = tokenize(argv);
        const seen = [...line.positionals, ...line.switches, ...line.longOptions].map((t) => t.index).sort((a, b) => a - b);
        assert.deepEqual(
          seen,
          argv.map((_, i) => i),
        );
      }),
      { numRuns: 2000 },
    );
  });

  const prefixArb = fc.constantFrom<['/' | '-', string, SwitchOperator]>(
    ['/', '', 'set'],
    ['-', '', 'set'],
    ['/', '+', 'add'],
    ['-', '+', 'add'],
    ['/', '-', 'remove'],
    ['-', '-', 'remove'],
  );
  // A first name starting with an operator or '!' is a different switch, by design.
  const pathArb = segmentsArb
    .filter((segs) => segs[0]?.kind !== 'name' || !/^[-+!]/.test(segs[0].name))
    .map((segs) => ({ segs, text: formatPropertyPath(segs) }));

  it('a generated /<path>:<value> splits back into the same path and value', () => {
    const plainValue = valueArb.filter((v) => !(v.length >= 2 && v.startsWith('"') && v.endsWith('"')));
    fc.assert(
      fc.property(prefixArb, pathArb, plainValue, ([prefix, op, operator], path, value) => {
        const raw = `${prefix}${op}${path.text}:${value}`;
        const s = one(raw);
        assert.deepEqual(
          { prefix: s.prefix, operator: s.operator, name: s.name, value: s.value, escaped: s.escaped, raw: s.raw },
          { prefix, operator, name: path.text, value, escaped: false, raw },
        );
        assert.deepEqual(parsePropertyPath(s.name).segments, path.segs);
      }),
      { numRuns: 2000 },
    );
  });

  it('a double-quoted value with """ for quotes comes back unquoted', () => {
    fc.assert(
      fc.property(pathArb, valueArb, (path, value) => {
        const s = one(`/${path.text}:"${value.replaceAll('"', '"""')}"`);
        assert.equal(s.name, path.text);
        assert.equal(s.value, value);
      }),
      { numRuns: 1000 },
    );
  });
});
