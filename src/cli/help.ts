/** `appcmd /?`: the commands this version implements, in appcmd's words where it has them. */
export function generalHelp(): string {
  return `General purpose IIS command line administration tool, for applicationHost.config files on any platform.

APPCMD (command) (object-type) <identifier> </parameter1:value1 ...>

Supported commands:

  appcmd list config [-section:NAME] [/config:*]
      Show a section (or every section) at server level. Without /config:* only the
      attributes written in the file are shown; with it, every effective value.
  appcmd list config /section:?
      List the sections known to the schema and declared in the file.
  appcmd set config -section:NAME /path.attribute:value ... [/commit:apphost]
      Set attributes, validated against the IIS schema; several parameters apply all or nothing.
      Example:
      appcmd set config -section:system.applicationHost/sites "/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire" /commit:apphost

General parameters:

  /apphostconfig:PATH   the applicationHost.config to edit (else $APPCMD_APPHOSTCONFIG,
                        else ./applicationHost.config; on Windows the IIS one)
  /schemadir:DIR        read IIS schema files (*.xml) from DIR instead of the bundled schema
  /commit:apphost       where to write; only applicationHost.config can be written
  --dry-run             validate and compute the change, write nothing

Errors are printed on stderr as ERROR ( message:... ); the exit status is appcmd's Win32 code
(a POSIX shell sees it modulo 256: 1168 -> 144, 4312 -> 216, 183 -> 183, 13 -> 13, 87 -> 87).
`;
}
