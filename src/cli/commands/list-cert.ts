import { AppcmdError } from '../../errors.js';
import type { CertificateInfo } from '../../cert/certificate.js';
import { looksLikeName, nameMatches } from '../../cert/distinguished-name.js';
import { cleanThumbprint } from '../../cert/thumbprint.js';
import { certField, certJson, renderCertDetail, renderCertLine, renderCertXml } from '../render/cert-text.js';
import { CERT_FOLDER_SWITCHES, folderProblemLines, openCertFolder } from './cert-folder.js';
import { CommandSwitches } from './command-switches.js';
import type { CommandContext } from './context.js';

/**
 * `appcmd list cert [THUMBPRINT | "CN=…"] /certstore:DIR [/store:NAME]` — the certificates of a
 * folder that mirrors the Windows stores, in appcmd's one-line form, /text:*, /text:NAME, /xml or --json.
 */
export function listCert(ctx: CommandContext, now: Date = new Date()): number {
  const switches = new CommandSwitches('list cert', ctx.properties, { ...CERT_FOLDER_SWITCHES, store: 'value' });
  const folder = openCertFolder(switches, ctx);
  if (folder === undefined) {
    throw new AppcmdError('BAD_ARGUMENT', 'list cert needs the certificate folder: /certstore:DIR (or the APPCMD_CERTSTORE environment variable).', {
      hints: ['DIR holds one sub-folder per store (My, WebHosting, …) with .pem, .crt, .cer, .pfx or .p12 files.'],
    });
  }
  const storeName = switches.value('store');
  let certs: readonly CertificateInfo[] = folder.all();
  if (storeName !== undefined) {
    const store = folder.store(storeName);
    if (store === undefined) {
      throw new AppcmdError('OBJECT_NOT_FOUND', `Cannot find store "${storeName}" in ${folder.dir}.`, {
        hints: [`Stores there: ${folder.stores.map((s) => s.name).join(', ') || 'none'}.`],
      });
    }
    certs = store.certificates;
  }
  if (ctx.identifier !== undefined) certs = certs.filter(matcher(ctx.identifier));
  for (const line of folderProblemLines(folder)) ctx.io.stderr(line);
  ctx.io.stdout(render(ctx, folder, certs, now));
  return 0;
}

function matcher(identifier: string): (c: CertificateInfo) => boolean {
  if (looksLikeName(identifier)) return (c) => nameMatches(c.subject, identifier);
  const { value } = cleanThumbprint(identifier);
  return (c) => c.thumbprint.startsWith(value) && value.length > 0;
}

function render(ctx: CommandContext, folder: Parameters<typeof certJson>[0], certs: readonly CertificateInfo[], now: Date): string {
  if (ctx.options.json) return JSON.stringify(certJson(folder, certs, now), null, 2) + '\n';
  if (ctx.options.xml) return renderCertXml(certs, now);
  const text = ctx.options.text;
  if (certs.length === 0) return '';
  if (text === '*') return certs.map((c) => renderCertDetail(c, now)).join('\n') + '\n';
  if (text !== undefined) {
    return (
      certs
        .map((c) => {
          const v = certField(c, now, text);
          if (v === undefined) throw new AppcmdError('BAD_ARGUMENT', `Unknown certificate property "${text}" for /text:.`, { hints: ['Use one of: thumbprint, store, subject, issuer, notBefore, notAfter, validity, key, signatureAlgorithm, enhancedKeyUsage, hasPrivateKey, privateKey, file.'] });
          return v;
        })
        .join('\n') + '\n'
    );
  }
  return certs.map((c) => renderCertLine(c, now)).join('\n') + '\n';
}
