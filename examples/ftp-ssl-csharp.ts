/**
 * The C# sample of the IIS configuration reference page "FTP over SSL <ssl>"
 * (learn.microsoft.com/iis/configuration/system.applicationhost/sites/site/ftpserver/security/ssl),
 * ported line by line from Microsoft.Web.Administration to this package. Each statement keeps its
 * place, under the C# it replaces. It requires SSL on both channels of "Default Web Site".
 *
 *   node dist/examples/ftp-ssl-csharp.js path/to/applicationHost.config
 */
import { fileURLToPath } from 'node:url';
import { ServerManager, type ConfigurationElement, type ConfigurationElementCollection } from 'appcmd-xplat';

export function main(applicationHostPath: string): void {
  // using (ServerManager serverManager = new ServerManager())
  // (offline there is no "local server": the file is named; close() is the using block's Dispose)
  const serverManager = ServerManager.open(applicationHostPath);
  try {
    // Configuration config = serverManager.GetApplicationHostConfiguration();
    const config = serverManager.getApplicationHostConfiguration();
    // ConfigurationSection sitesSection = config.GetSection("system.applicationHost/sites");
    const sitesSection = config.getSection('system.applicationHost/sites');
    // ConfigurationElementCollection sitesCollection = sitesSection.GetCollection();
    const sitesCollection = sitesSection.getCollection();

    // ConfigurationElement siteElement = FindElement(sitesCollection, "site", "name", @"Default Web Site");
    // (this library has the lookup built in: sitesCollection.find({ name: 'Default Web Site' }))
    const siteElement = findElement(sitesCollection, 'site', 'name', 'Default Web Site');
    // if (siteElement == null) throw new InvalidOperationException("Element not found!");
    if (siteElement === undefined) throw new Error('Element not found!');

    // ConfigurationElement ftpServerElement = siteElement.GetChildElement("ftpServer");
    const ftpServerElement = siteElement.getChildElement('ftpServer');
    // ConfigurationElement securityElement = ftpServerElement.GetChildElement("security");
    const securityElement = ftpServerElement.getChildElement('security');
    // ConfigurationElement sslElement = securityElement.GetChildElement("ssl");
    const sslElement = securityElement.getChildElement('ssl');
    // sslElement["controlChannelPolicy"] = @"SslRequire";
    sslElement.setAttributeValue('controlChannelPolicy', 'SslRequire');
    // sslElement["dataChannelPolicy"] = @"SslRequire";
    sslElement.setAttributeValue('dataChannelPolicy', 'SslRequire');

    // serverManager.CommitChanges();
    serverManager.commitChanges();
  } finally {
    serverManager.close();
  }
}

// private static ConfigurationElement FindElement(ConfigurationElementCollection collection, string elementTagName, params string[] keyValues)
function findElement(collection: ConfigurationElementCollection, elementTagName: string, ...keyValues: string[]): ConfigurationElement | undefined {
  // foreach (ConfigurationElement element in collection)
  for (const element of collection) {
    // if (String.Equals(element.ElementTagName, elementTagName, StringComparison.OrdinalIgnoreCase))
    if (element.elementName.toLowerCase() === elementTagName.toLowerCase()) {
      // bool matches = true;
      let matches = true;
      // for (int i = 0; i < keyValues.Length; i += 2)
      for (let i = 0; i < keyValues.length; i += 2) {
        // object o = element.GetAttributeValue(keyValues[i]);
        const o = element.getAttributeValue(keyValues[i] ?? '');
        // string value = null; if (o != null) value = o.ToString();
        const value = String(o);
        // if (!String.Equals(value, keyValues[i + 1], StringComparison.OrdinalIgnoreCase))
        if (value.toLowerCase() !== (keyValues[i + 1] ?? '').toLowerCase()) {
          matches = false;
          break;
        }
      }
      // if (matches) return element;
      if (matches) return element;
    }
  }
  // return null;
  return undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv[2] ?? 'applicationHost.config');
