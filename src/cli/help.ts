import { APPCMD_OBJECTS } from './objects.js';

/** `appcmd /?`: the commands this version implements, in appcmd's words where it has them. */
export function generalHelp(): string {
  const objects = APPCMD_OBJECTS.map((o) => `  ${o.name.toUpperCase().padEnd(10)}${o.summary}\n`).join('');
  return `General purpose IIS command line administration tool, for applicationHost.config files on any platform.

APPCMD (command) (object-type) <identifier> </parameter1:value1 ...>

Supported object types (appcmd <object> /? for the verbs of one):

${objects}
  appcmd batch [FILE|-]   run many command lines (one a line, # comments) against one parse of
                          the file, written once at the end, all or nothing
  appcmd ui [/certstore:DIR] [/port:N]
                          FTP SSL Settings as a local web page on 127.0.0.1 (docs/ui.md); prints
                          its address with a one-time token and serves until Ctrl-C

Configuration (CONFIG):

  appcmd list config [PATH] [-section:NAME] [/config:*] [/xml]
      Show a section (or every section) at a configuration path (default: server level).
      Without /config:* only the attributes written in the file are shown; with it, every
      effective value (this level, parent paths, siteDefaults..., the schema default).
  appcmd list config /section:?
      List the sections known to the schema and declared in the file.
  appcmd set config [PATH] -section:NAME /path.attribute:value /+[key='v',...] /-[key='v'] ... [/commit:apphost]
      Set attributes, add (/+) and remove (/-) collection items, validated against the IIS
      schema; several parameters apply all or nothing. At a PATH ("Default Web Site/app") the
      change goes into <location path="..."> and needs /commit:apphost.
      appcmd set config -section:system.applicationHost/sites "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire" /commit:apphost
      appcmd set config -section:NAME /?   lists every settable path with its type and default.
  appcmd clear config [PATH] -section:NAME [/element.path | /attribute.path | /collection.[key='v']]
      Clear a section, an element, an attribute (back to its inherited or default value) or an item.
  appcmd lock config [PATH] -section:NAME      /  appcmd unlock config [PATH] -section:NAME
      Lock (overrideMode="Deny") or unlock (overrideMode="Allow") a section below PATH.
  appcmd search config [PATH] [-section:NAME] [/attribute.path[:value]]
      The configuration paths that set a section, an attribute, or an attribute to a value.

FTP over SSL (FTPSSL) and certificates (CERT), see docs/ftp-ssl.md:

  appcmd set ftpssl "SITE" | /siteDefaults /policy:Allow|Require|Custom ... /cert:... /ssl128:true
  appcmd list ftpssl ["SITE"]       appcmd audit ftpssl [/certstore:DIR] [/failon:high|medium|low] [--json] [/sarif]
  appcmd list cert /certstore:DIR [/store:My]

General parameters:

  /?                    help: appcmd /?, appcmd site /?, appcmd set site /?
  /text:*               every property of each object (detail view)
  /text:NAME            one bare value per object, for loops (list vdirs /text:physicalPath)
  /xml                  appcmd's XML output, which another command reads back with /in
  /in or -              read objects from that XML on standard input:
                        appcmd list site /xml /config | appcmd add site /in /apphostconfig:other.config
  /config[:*]           the object's raw configuration element (with * also default values)
  /apphostconfig:PATH   the applicationHost.config to edit (else $APPCMD_APPHOSTCONFIG,
                        else ./applicationHost.config; on Windows the IIS one)
  /schemadir:DIR        read IIS schema files (*.xml) from DIR instead of the bundled schema
  /commit:apphost       where to write; only applicationHost.config can be written
  --json                results, objects and errors as JSON (errors on stderr:
                        {"code", "win32", "message", "file", "line"})
  --dry-run             validate and compute the change, print it as a unified diff, write nothing
  --if-not-exists       an add of something already there, identical, is "unchanged" (exit 0), not 183
  --if-exists           a removal (/-[...], delete, clear config) of something absent is "unchanged"
                        (exit 0), not 1168 or 4312; a set of an absent object does nothing
  --diff                a write also prints (or, with --json, returns) its unified diff

Every command that writes prints one line on stderr saying whether the file changed (stdout keeps
appcmd's own text). Errors are printed on stderr as ERROR ( message:... ); the exit status is
appcmd's Win32 code (a POSIX shell sees it modulo 256: 1168 -> 144, 4312 -> 216, 183 -> 183,
13 -> 13, 87 -> 87, 50 -> 50).
`;
}
