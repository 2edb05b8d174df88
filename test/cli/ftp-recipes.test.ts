/**
 * Every FTP command line of shared/reference/appcmd.md §6, run against a copy of corpus file 04
 * (a real IIS 10 server with an FTP site, "SupernovaFTP"; "ftp.example.com" and "Default Web Site"
 * of the Microsoft samples become that site). Each recipe's output and the lines it changes are
 * checked against a golden file; a second run of each set leaves the file byte-identical and a
 * second run of each add exits 183 with the file untouched.
 */
import { test } from 'node:test';
import { assertGolden } from '../helpers/golden.js';
import { corpusFile } from '../helpers/paths.js';
import { runRecipes, type Recipe } from './recipes.js';

const SITES = '-section:system.applicationHost/sites';
const FTP = "[name='SupernovaFTP']";

const RECIPES: readonly Recipe[] = [
  { item: '1 serverCertHash', commands: [['set', 'config', SITES, `/${FTP}.ftpServer.security.ssl.serverCertHash:57686f6120447564652c2049495320526f636b73`, '/commit:apphost']], again: 'same' },
  { item: '2 controlChannelPolicy', commands: [['set', 'config', SITES, `/${FTP}.ftpServer.security.ssl.controlChannelPolicy:SslRequire`, '/commit:apphost']], again: 'same' },
  { item: '2 dataChannelPolicy', commands: [['set', 'config', SITES, `/${FTP}.ftpServer.security.ssl.dataChannelPolicy:SslRequire`, '/commit:apphost']], again: 'same' },
  { item: '3 siteDefaults controlChannelPolicy', commands: [['set', 'config', SITES, '/siteDefaults.ftpServer.security.ssl.controlChannelPolicy:SslAllow', '/commit:apphost']], again: 'same' },
  {
    item: '4 sslClientCertificates',
    commands: [['set', 'config', SITES, `/${FTP}.ftpServer.security.sslClientCertificates.clientCertificatePolicy:CertRequire`, `/${FTP}.ftpServer.security.sslClientCertificates.useActiveDirectoryMapping:False`, '/commit:apphost']],
    again: 'same',
  },
  { item: '5 site firewallSupport', commands: [['set', 'config', SITES, `/${FTP}.ftpServer.firewallSupport.externalIp4Address:10.0.0.1`, '/commit:apphost']], again: 'same' },
  {
    item: '6 server firewallSupport',
    commands: [
      ['set', 'config', '-section:system.ftpServer/firewallSupport', '/lowDataChannelPort:5000', '/commit:apphost'],
      ['set', 'config', '-section:system.ftpServer/firewallSupport', '/highDataChannelPort:6000', '/commit:apphost'],
    ],
    again: 'same',
  },
  {
    item: '7 authorization add at a site path',
    commands: [['set', 'config', 'SupernovaFTP', '-section:system.ftpServer/security/authorization', "/+[accessType='Allow',roles='administrators',permissions='Read, Write']", '/commit:apphost']],
    again: 'duplicate',
  },
  {
    item: '8 ipSecurity add at a site path (new <location> content)',
    commands: [['set', 'config', 'SupernovaFTP', '-section:system.ftpServer/security/ipSecurity', "/+[ipAddress='169.254.0.0',subnetMask='255.255.0.0']", '/commit:apphost']],
    again: 'duplicate',
  },
  {
    item: '9 authentication',
    commands: [
      [
        'set', 'config', SITES,
        `/${FTP}.ftpServer.security.authentication.basicAuthentication.enabled:False`,
        `/${FTP}.ftpServer.security.authentication.anonymousAuthentication.userName:IUSR`,
        `/${FTP}.ftpServer.security.authentication.clientCertAuthentication.enabled:True`,
        '/commit:apphost',
      ],
    ],
    again: 'same',
  },
  {
    item: '10 userIsolation activeDirectory',
    commands: [['set', 'config', SITES, `/${FTP}.ftpServer.userIsolation.activeDirectory.adUserName:MyUser`, `/${FTP}.ftpServer.userIsolation.activeDirectory.adCacheRefresh:00:02:00`, '/commit:apphost']],
    again: 'same',
  },
  { item: '11 commandFiltering add', commands: [['set', 'config', SITES, `/+${FTP}.ftpServer.security.commandFiltering.[command='SYST',allowed='False']`, '/commit:apphost']], again: 'duplicate' },
  {
    item: '12 denyByFailure',
    commands: [['set', 'config', '-section:system.ftpServer/security/authentication', '/denyByFailure.enabled:True', '/denyByFailure.maxFailure:10', '/denyByFailure.entryExpiration:00:00:35', '/denyByFailure.loggingOnlyMode:False', '/commit:apphost']],
    again: 'same',
  },
  {
    item: '13 providerDefinitions activation',
    commands: [
      ['set', 'config', '-section:system.ftpServer/providerDefinitions', "/+activation.[name='FtpXmlAuthentication']", '/commit:apphost'],
      ['set', 'config', '-section:system.ftpServer/providerDefinitions', "/+activation.[name='FtpXmlAuthentication'].[key='xmlFileName',value='C:\\Inetpub\\wwwroot\\App_Data\\Users.xml']", '/commit:apphost'],
    ],
    again: 'duplicate',
  },
  {
    item: '14 requestFiltering fileExtensions add at a site path',
    commands: [['set', 'config', 'SupernovaFTP', '-section:system.ftpServer/security/requestFiltering', "/+fileExtensions.[fileExtension='.exe',allowed='False']", '/commit:apphost']],
    again: 'duplicate',
  },
  { item: '15 caching', commands: [['set', 'config', '-section:system.ftpServer/caching', '/credentialsCache.enabled:False', '/commit:apphost']], again: 'same' },
  { item: '16 controlChannelPolicy without /commit', commands: [['set', 'config', SITES, `/${FTP}.ftpServer.security.ssl.controlChannelPolicy:SslAllow`]], again: 'same' },
  { item: '16 remove an authorization rule at a site path', commands: [['set', 'config', 'SupernovaFTP', '/section:system.ftpserver/security/authorization', "/-[users='?']", '/commit:apphost']], again: 'gone' },
  { item: '16 firewall ports', commands: [['set', 'config', '/section:system.ftpServer/firewallSupport', '/lowDataChannelPort:50000', '/highDataChannelPort:50100']], again: 'same' },
  { item: '16 siteDefaults externalIp4Address', commands: [['set', 'config', SITES, '/siteDefaults.ftpServer.firewallSupport.externalIp4Address:203.0.113.7', '/commit:apphost']], again: 'same' },
  {
    item: '17 the five ssl attributes in one call',
    commands: [
      [
        'set', 'config', SITES,
        `/${FTP}.ftpServer.security.ssl.serverCertHash:9C6E626342DEED75BF5FBEA611AF21305FBF965C`,
        `/${FTP}.ftpServer.security.ssl.serverCertStoreName:My`,
        `/${FTP}.ftpServer.security.ssl.ssl128:True`,
        `/${FTP}.ftpServer.security.ssl.controlChannelPolicy:SslRequire`,
        `/${FTP}.ftpServer.security.ssl.dataChannelPolicy:SslRequire`,
      ],
    ],
    again: 'same',
  },
  {
    item: '18 authorization for a user, ipSecurity allowUnlisted, log period, isolation',
    commands: [
      ['set', 'config', 'SupernovaFTP', '/section:system.ftpServer/security/authorization', "/+[accessType='Allow',permissions='Read,Write',roles='',users='bob']", '/commit:apphost'],
      ['set', 'config', 'SupernovaFTP', '/section:system.ftpServer/security/ipSecurity', '/allowUnlisted:false', '/commit:apphost'],
      ['set', 'config', '/section:sites', `/${FTP}.ftpServer.logFile.period:Daily`],
      ['set', 'config', SITES, `/${FTP}.ftpServer.userIsolation.mode:IsolateAllDirectories`],
    ],
    again: 'same',
  },
  {
    item: '19 ssl128, quoted port, PowerShell-quoted name',
    commands: [
      ['set', 'config', SITES, `/${FTP}.ftpServer.security.ssl.ssl128:true`],
      ['set', 'config', '-section:system.ftpServer/firewallSupport', '/lowDataChannelPort:5000', '/commit:apphost'],
    ],
    again: 'same',
  },
  { item: '20 serverCertHash from certutil', commands: [['set', 'config', SITES, `/${FTP}.ftpServer.security.ssl.serverCertHash:0123456789abcdef0123456789abcdef01234567`, '/commit:apphost']], again: 'same' },
  { item: '21 numeric enum value', commands: [['set', 'config', SITES, `/${FTP}.ftpServer.security.ssl.controlChannelPolicy:1`]], again: 'same' },
  {
    item: '22 quoting pitfall: unquoted name fails, quoted and [id=] work',
    commands: [
      ['set', 'config', SITES, "-[name='Supernova", "FTP'].ftpServer.security.ssl.ssl128:true", '/commit:apphost'],
      ['set', 'config', SITES, `-${FTP}.ftpServer.security.ssl.ssl128:true`, '/commit:apphost'],
      ['set', 'config', SITES, "-[id='1'].ftpServer.security.ssl.ssl128:false", '/commit:apphost'],
    ],
    again: 'same',
  },
];

test('every FTP recipe of appcmd.md §6 produces the expected output and lines (golden)', () => {
  assertGolden('ftp-recipes.txt', runRecipes(corpusFile('04'), RECIPES));
});
