# -*- coding: utf-8 -*-
# MIT License (see the repository's package.json)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # The options every module of the collection shares: which file, which tool, which schema.
    DOCUMENTATION = r'''
options:
  config_file:
    description:
      - The C(applicationHost.config) to edit (appcmd's C(/apphostconfig:)), on the host the task runs on.
    type: path
    required: true
    aliases: [apphostconfig]
  appcmd:
    description:
      - How to run the tool. A list is taken as the command's arguments (for example
        C([node, /opt/appcmd/bin/appcmd.js])); a string names an executable, or is split like a shell
        command line when no such file exists (C(node /opt/appcmd/bin/appcmd.js)).
      - The default runs C(appcmd) from C(PATH), as C(npm install -g appcmd-xplat) puts it there.
    type: raw
    default: appcmd
  schema_dir:
    description:
      - Folders of IIS schema files (C(*.xml)) to validate against instead of the tool's bundled schema
        (appcmd's C(/schemadir:)), for example a server's C(inetsrv/config/schema) copied beside the file.
    type: list
    elements: path
  lock_timeout:
    description:
      - Seconds to wait for another writer's lock on the file before failing with exit 32 (the tool's default is 10).
    type: float
notes:
  - Each task runs the tool once, and all its changes are one atomic write of the file; a failing
    task writes nothing.
  - Check mode is the tool's C(--dry-run) and diff mode its C(--diff), so C(changed) and the diff
    are what the tool wrote (or would write).
  - A value IIS would reject fails the task with IIS's message (C(msg)), the exit code (C(rc)),
    the Win32 code (C(win32)) and the tool's hints.
requirements:
  - The appcmd-xplat tool (Node.js 20 or later) on the host the task runs on.
'''

    CERT = r'''
options:
  cert_store:
    description:
      - A folder of certificate stores (C(My), C(WebHosting), ... as sub-folders, see the tool's
        docs/ftp-ssl.md). When given, every certificate written is checked against it (present in the
        store named, valid now, for server authentication, with its private key).
    type: path
  cert_password:
    description:
      - The password of the PKCS#12 files in I(cert_store); passed in the environment, never on the command line.
    type: str
  force:
    description:
      - Write a certificate the checks refuse, with the tool's warnings.
    type: bool
    default: false
'''
