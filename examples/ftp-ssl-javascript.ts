/**
 * The JavaScript sample of the IIS configuration reference page "FTP over SSL <ssl>"
 * (learn.microsoft.com/iis/configuration/system.applicationhost/sites/site/ftpserver/security/ssl),
 * ported line by line from the AHADMIN COM object (Microsoft.ApplicationHost.WritableAdminManager)
 * to this package. Each statement keeps its place, under the JScript it replaces. The VBScript
 * sample makes the same calls. docs/api.md maps every AHADMIN call used here.
 *
 *   node dist/examples/ftp-ssl-javascript.js path/to/applicationHost.config
 */
import { fileURLToPath } from 'node:url';
import { APPHOST_PATH, ServerManager, type ConfigurationElementCollection } from 'appcmd-xplat';

export function main(applicationHostPath: string): void {
  // var adminManager = new ActiveXObject('Microsoft.ApplicationHost.WritableAdminManager');
  // (a writable manager: it holds the file's lock from the first read until commitChanges)
  const adminManager = ServerManager.openForWriting(applicationHostPath);
  // (COM releases the object when it is collected; the lock is released here, whatever happens)
  try {
    // adminManager.CommitPath = "MACHINE/WEBROOT/APPHOST";
    // (applicationHost.config has this one commit path, so there is nothing to set)
    const commitPath = APPHOST_PATH;
    // var sitesSection = adminManager.GetAdminSection("system.applicationHost/sites", "MACHINE/WEBROOT/APPHOST");
    const sitesSection = adminManager.getApplicationHostConfiguration().getSection('system.applicationHost/sites', commitPath);
    // var sitesCollection = sitesSection.Collection;
    const sitesCollection = sitesSection.getCollection();

    // var siteElementPos = FindElement(sitesCollection, "site", ["name", "Default Web Site"]);
    const siteElementPos = findElement(sitesCollection, 'site', ['name', 'Default Web Site']);
    // if (siteElementPos == -1) throw "Element not found!";
    if (siteElementPos === -1) throw new Error('Element not found!');
    // var siteElement = sitesCollection.Item(siteElementPos);
    const siteElement = sitesCollection.at(siteElementPos);
    // (Item() throws past the end; at() returns undefined, which TypeScript makes us handle)
    if (siteElement === undefined) throw new Error('Element not found!');

    // var ftpServerElement = siteElement.ChildElements.Item("ftpServer");
    const ftpServerElement = siteElement.getChildElement('ftpServer');
    // var securityElement = ftpServerElement.ChildElements.Item("security");
    const securityElement = ftpServerElement.getChildElement('security');
    // var sslElement = securityElement.ChildElements.Item("ssl");
    const sslElement = securityElement.getChildElement('ssl');
    // sslElement.Properties.Item("controlChannelPolicy").Value = "SslRequire";
    sslElement.setAttributeValue('controlChannelPolicy', 'SslRequire');
    // sslElement.Properties.Item("dataChannelPolicy").Value = "SslRequire";
    sslElement.setAttributeValue('dataChannelPolicy', 'SslRequire');

    // adminManager.CommitChanges();
    adminManager.commitChanges();
  } finally {
    adminManager.close();
  }
}

// function FindElement(collection, elementTagName, valuesToMatch) {
function findElement(collection: ConfigurationElementCollection, elementTagName: string, valuesToMatch: readonly string[]): number {
  // for (var i = 0; i < collection.Count; i++) {
  for (let i = 0; i < collection.count; i++) {
    // var element = collection.Item(i);
    const element = collection.at(i);
    // if (element.Name == elementTagName) {
    if (element !== undefined && element.elementName === elementTagName) {
      // var matches = true;
      let matches = true;
      // for (var iVal = 0; iVal < valuesToMatch.length; iVal += 2) {
      for (let iVal = 0; iVal < valuesToMatch.length; iVal += 2) {
        // var property = element.GetPropertyByName(valuesToMatch[iVal]);
        const property = element.getAttribute(valuesToMatch[iVal] ?? '');
        // var value = property.Value; if (value != null) value = value.toString();
        const value = String(property.value);
        // if (value != valuesToMatch[iVal + 1]) { matches = false; break; }
        if (value !== valuesToMatch[iVal + 1]) {
          matches = false;
          break;
        }
      }
      // if (matches) return i;
      if (matches) return i;
    }
  }
  // return -1;
  return -1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv[2] ?? 'applicationHost.config');
