/**
 * The FTP part of a site (or of siteDefaults): ftpServer → security → ssl. MWA has no typed FTP
 * wrapper; these exist because FTP over SSL is this tool's first job.
 */
import { ElementView } from './element-view.js';
import type { ControlChannelPolicy, DataChannelPolicy } from './enums.js';

/** <ftpServer> of a site or of siteDefaults. */
export class FtpServer extends ElementView {
  get serverAutoStart(): boolean {
    return this.getBoolean('serverAutoStart');
  }
  set serverAutoStart(value: boolean) {
    this.set('serverAutoStart', value);
  }

  get allowUTF8(): boolean {
    return this.getBoolean('allowUTF8');
  }
  set allowUTF8(value: boolean) {
    this.set('allowUTF8', value);
  }

  get security(): FtpSecurity {
    return new FtpSecurity(this.element.getChildElement('security'));
  }
}

/** ftpServer/security. */
export class FtpSecurity extends ElementView {
  get ssl(): FtpSsl {
    return new FtpSsl(this.element.getChildElement('ssl'));
  }
}

/** ftpServer/security/ssl: the FTP-over-SSL settings. */
export class FtpSsl extends ElementView {
  get controlChannelPolicy(): ControlChannelPolicy {
    return this.getEnum('controlChannelPolicy');
  }
  set controlChannelPolicy(value: ControlChannelPolicy) {
    this.set('controlChannelPolicy', value);
  }

  get dataChannelPolicy(): DataChannelPolicy {
    return this.getEnum('dataChannelPolicy');
  }
  set dataChannelPolicy(value: DataChannelPolicy) {
    this.set('dataChannelPolicy', value);
  }

  /** The certificate's SHA-1 thumbprint ("" when none); the write policy cleans pasted marks. */
  get serverCertHash(): string {
    return this.getString('serverCertHash');
  }
  set serverCertHash(value: string) {
    this.set('serverCertHash', value);
  }

  get serverCertStoreName(): string {
    return this.getString('serverCertStoreName');
  }
  set serverCertStoreName(value: string) {
    this.set('serverCertStoreName', value);
  }

  get ssl128(): boolean {
    return this.getBoolean('ssl128');
  }
  set ssl128(value: boolean) {
    this.set('ssl128', value);
  }
}
