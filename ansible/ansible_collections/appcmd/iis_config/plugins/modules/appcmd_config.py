#!/usr/bin/python
# -*- coding: utf-8 -*-
# MIT License (see the repository's package.json)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: appcmd_config
short_description: Set attributes and add or remove collection items of any IIS configuration section
description:
  - Edits one section of an C(applicationHost.config) at one configuration path, as
    C(appcmd set config) and C(appcmd clear config) do, validating every value against the IIS schema.
  - All the changes of a task are applied together and written once, atomically; if one is
    rejected nothing is written.
version_added: "0.1.0"
author: appcmd-xplat developers
extends_documentation_fragment:
  - appcmd.iis_config.appcmd
options:
  section:
    description:
      - The section, full (C(system.applicationHost/sites)) or short when unique (C(sites)).
    type: str
    required: true
  path:
    description:
      - The configuration path (C(Default Web Site), C(Default Web Site/app)); the server level when omitted.
      - A path writes into C(<location path="...">) of applicationHost.config (see I(commit)).
    type: str
  commit:
    description:
      - appcmd's C(/commit:). Only C(apphost) (applicationHost.config) can be written.
    type: str
    default: apphost
  properties:
    description:
      - Attributes to set, a dict of appcmd's property paths and values, for example the path
        C([name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy) with C(SslRequire), or
        C(siteDefaults.ftpServer.security.ssl.ssl128) with C(true). YAML booleans are written C(true)/C(false).
      - With I(state=absent) the attributes named are cleared (back to their inherited or default
        value); their values are ignored.
    type: dict
  collection:
    description:
      - Where the collection of I(add) and I(remove) is, as a property path below the section
        (C([name='ftp.example.com'].bindings)); the section's own collection when omitted.
    type: str
  add:
    description:
      - Items that must be in the collection, each a dict of its attributes. An item already there
        with the same values changes nothing; one whose keys match but whose other values differ fails
        (IIS's duplicate entry, exit 183); change such an item through I(properties) with an indexer.
      - With I(state=absent), these items are removed when present.
    type: list
    elements: dict
  remove:
    description:
      - Items that must not be in the collection, each a dict of attributes that identify it
        (usually its keys). An item that is not there changes nothing.
    type: list
    elements: dict
  state:
    description:
      - C(present) sets I(properties) and adds I(add); C(absent) clears I(properties) and removes I(add).
        I(remove) is removed in both.
    type: str
    choices: [present, absent]
    default: present
'''

EXAMPLES = r'''
- name: Require SSL on the control and data channels of one FTP site
  appcmd.iis_config.appcmd_config:
    config_file: /srv/golden/applicationHost.config
    section: system.applicationHost/sites
    properties:
      "[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy": SslRequire
      "[name='ftp.example.com'].ftpServer.security.ssl.dataChannelPolicy": SslRequire

- name: An implicit FTPS binding on port 990, and no plain FTP on 21
  appcmd.iis_config.appcmd_config:
    config_file: /srv/golden/applicationHost.config
    section: sites
    collection: "[name='ftp.example.com'].bindings"
    add:
      - { protocol: ftp, bindingInformation: "*:990:" }
    remove:
      - { protocol: ftp, bindingInformation: "*:21:" }

- name: Let a site's web.config set its own authorization rules
  appcmd.iis_config.appcmd_config:
    config_file: C:/inetpub/config/applicationHost.config
    section: system.webServer/security/authorization
    path: Default Web Site
    add:
      - { accessType: Allow, users: "*" }

- name: Back to the inherited value
  appcmd.iis_config.appcmd_config:
    config_file: /srv/golden/applicationHost.config
    section: sites
    properties:
      siteDefaults.ftpServer.security.ssl.ssl128:
    state: absent
'''

RETURN = r'''
changed:
  description: Whether the file was (in check mode, would be) changed.
  returned: always
  type: bool
file:
  description: The file edited.
  returned: success
  type: str
written:
  description: Whether the file was written (false in check mode and when nothing changed).
  returned: success
  type: bool
commands:
  description: The appcmd command lines the task ran, as one C(appcmd batch).
  returned: always
  type: list
  elements: str
  sample: ["set config -section:sites \"/[name='ftp.example.com'].ftpServer.security.ssl.controlChannelPolicy:SslRequire\" /commit:apphost"]
notes:
  description: The tool's notes (what it normalized, elements it left unvalidated, ...).
  returned: always
  type: list
  elements: str
rc:
  description: The tool's exit code, on failure.
  returned: failure
  type: int
win32:
  description: The Win32 error code of the failure, as appcmd.exe reports it (13 invalid data, 183 duplicate, 1168 not found, ...).
  returned: failure
  type: int
'''

from ansible_collections.appcmd.iis_config.plugins.module_utils.appcmd import (
    indexer,
    property_switches,
    run_batch_module,
)


def collection_switch(collection, sign, item):
    prefix = (collection.rstrip('.') + '.') if collection else ''
    return '/%s%s%s' % (sign, prefix, indexer(item))


def batch_lines(p):
    target = ([p['path']] if p['path'] else []) + ['-section:%s' % p['section'], '/commit:%s' % p['commit']]
    collection = p['collection'] or ''
    present = p['state'] == 'present'
    lines = []
    if p['properties']:
        if present:
            lines.append(['set', 'config'] + target + property_switches(p['properties']))
        else:
            lines.append(['clear', 'config'] + target + ['/%s' % name for name in p['properties']])
    adds = [collection_switch(collection, '+' if present else '-', i) for i in p['add'] or []]
    if adds:
        lines.append(['set', 'config'] + target + adds + ['--if-not-exists' if present else '--if-exists'])
    removes = [collection_switch(collection, '-', i) for i in p['remove'] or []]
    if removes:
        lines.append(['set', 'config'] + target + removes + ['--if-exists'])
    return lines


def nothing_to_do(p, lines):
    return 'Nothing to do: give properties, add or remove.' if p['state'] == 'present' and not lines else None


def main():
    run_batch_module(
        dict(
            section=dict(type='str', required=True),
            path=dict(type='str'),
            commit=dict(type='str', default='apphost'),
            properties=dict(type='dict'),
            collection=dict(type='str'),
            add=dict(type='list', elements='dict'),
            remove=dict(type='list', elements='dict'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        ),
        batch_lines,
        nothing_to_do,
    )


if __name__ == '__main__':
    main()
