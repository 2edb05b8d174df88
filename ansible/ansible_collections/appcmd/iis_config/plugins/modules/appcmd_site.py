#!/usr/bin/python
# -*- coding: utf-8 -*-
# MIT License (see the repository's package.json)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: appcmd_site
short_description: An IIS site present or absent, with its bindings, physical path and attributes
description:
  - Makes a C(<site>) of an C(applicationHost.config) exist with the values given (creating it
    with its root application and virtual directory, as C(appcmd add site) does), or removes it.
  - Only what is given is enforced; everything else of an existing site is left as it is.
    All of it is one atomic write.
version_added: "0.1.0"
author: appcmd-xplat developers
extends_documentation_fragment:
  - appcmd.iis_config.appcmd
options:
  name:
    description: The site's name (matched case-insensitively, as IIS does).
    type: str
    required: true
  state:
    description: Whether the site must exist.
    type: str
    choices: [present, absent]
    default: present
  id:
    description: The site's id; a new site without one takes the lowest id no site uses.
    type: int
  bindings:
    description:
      - The site's complete list of bindings, each as appcmd writes it (C(ftp/*:21:),
        C(https/*:443:www.example.com)) or as a dict with I(protocol) and I(binding_information).
      - Replaces the bindings of an existing site; omitted, they are left as they are.
    type: list
    elements: raw
  physical_path:
    description: The physical path of the site's root virtual directory.
    type: str
  application_pool:
    description: The application pool of the site's root application.
    type: str
  properties:
    description:
      - Other attributes of the site, a dict of property paths below C(<site>) and values, for example
        C(ftpServer.security.ssl.controlChannelPolicy) with C(SslRequire), or C(serverAutoStart) with C(false).
    type: dict
'''

EXAMPLES = r'''
- name: An FTP site on port 21
  appcmd.iis_config.appcmd_site:
    config_file: /srv/golden/applicationHost.config
    name: ftp.example.com
    bindings: ["ftp/*:21:"]
    physical_path: D:\ftproot
    properties:
      ftpServer.security.authentication.basicAuthentication.enabled: true

- name: No more test site
  appcmd.iis_config.appcmd_site:
    config_file: /srv/golden/applicationHost.config
    name: test.example.com
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
  description: Whether the file was written.
  returned: success
  type: bool
commands:
  description: The appcmd command lines the task ran, as one C(appcmd batch).
  returned: always
  type: list
  elements: str
notes:
  description: The tool's notes.
  returned: always
  type: list
  elements: str
rc:
  description: The tool's exit code, on failure.
  returned: failure
  type: int
win32:
  description: The Win32 error code of the failure (183 a duplicate id, 13 an invalid value, ...).
  returned: failure
  type: int
'''

from ansible_collections.appcmd.iis_config.plugins.module_utils.appcmd import (
    property_switches,
    run_batch_module,
)


def binding_text(b):
    if isinstance(b, dict):
        if 'protocol' not in b or 'binding_information' not in b:
            raise ValueError('a binding given as a dict needs protocol and binding_information: %r' % (b,))
        return '%s/%s' % (b['protocol'], b['binding_information'])
    return str(b)


def batch_lines(p):
    """An existing site is first set to the values given, so that the add after it finds it identical
    (and changes nothing); a site that is not there skips the sets (--if-exists) and is added."""
    name = p['name']
    if p['state'] == 'absent':
        return [['delete', 'site', name, '--if-exists']]
    values = []
    if p['id'] is not None:
        values.append('/id:%d' % p['id'])
    if p['bindings'] is not None:
        values.append('/bindings:%s' % ','.join(binding_text(b) for b in p['bindings']))
    values += property_switches(p['properties'])
    lines = []
    if values:
        lines.append(['set', 'site', name] + values + ['--if-exists'])
    if p['physical_path'] is not None:
        lines.append(['set', 'vdir', name + '/', '/physicalPath:%s' % p['physical_path'], '--if-exists'])
    physical = [] if p['physical_path'] is None else ['/physicalPath:%s' % p['physical_path']]
    lines.append(['add', 'site', '/name:%s' % name] + values + physical + ['--if-not-exists'])
    if p['application_pool'] is not None:
        lines.append(['set', 'app', name + '/', '/applicationPool:%s' % p['application_pool']])
    return lines


def main():
    run_batch_module(
        dict(
            name=dict(type='str', required=True),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            id=dict(type='int'),
            bindings=dict(type='list', elements='raw'),
            physical_path=dict(type='str'),
            application_pool=dict(type='str'),
            properties=dict(type='dict'),
        ),
        batch_lines,
    )


if __name__ == '__main__':
    main()
