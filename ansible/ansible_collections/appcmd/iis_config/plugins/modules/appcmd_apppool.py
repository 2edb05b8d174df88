#!/usr/bin/python
# -*- coding: utf-8 -*-
# MIT License (see the repository's package.json)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: appcmd_apppool
short_description: An IIS application pool present or absent, with its attributes
description:
  - Makes an application pool (C(<add>) of C(system.applicationHost/applicationPools)) exist with
    the attributes given, as C(appcmd add apppool) and C(appcmd set apppool) do, or removes it.
  - Only the attributes given are enforced; the rest of an existing pool is left as it is.
version_added: "0.1.0"
author: appcmd-xplat developers
extends_documentation_fragment:
  - appcmd.iis_config.appcmd
options:
  name:
    description: The pool's name (matched case-insensitively, as IIS does).
    type: str
    required: true
  state:
    description: Whether the pool must exist.
    type: str
    choices: [present, absent]
    default: present
  properties:
    description:
      - Attributes of the pool, a dict of property paths and values, for example C(managedRuntimeVersion),
        C(managedPipelineMode), C(processModel.identityType), C(recycling.periodicRestart.time).
    type: dict
'''

EXAMPLES = r'''
- name: A pool for the FTP sites
  appcmd.iis_config.appcmd_apppool:
    config_file: /srv/golden/applicationHost.config
    name: FtpPool
    properties:
      managedRuntimeVersion: ""
      processModel.identityType: NetworkService
      autoStart: true

- name: Remove an old pool
  appcmd.iis_config.appcmd_apppool:
    config_file: /srv/golden/applicationHost.config
    name: Classic .NET AppPool
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
  description: The Win32 error code of the failure.
  returned: failure
  type: int
'''

from ansible_collections.appcmd.iis_config.plugins.module_utils.appcmd import (
    property_switches,
    run_batch_module,
)


def batch_lines(p):
    """As for sites: set an existing pool first, so that the add after it changes nothing."""
    name = p['name']
    if p['state'] == 'absent':
        return [['delete', 'apppool', name, '--if-exists']]
    values = property_switches(p['properties'])
    lines = [['set', 'apppool', name] + values + ['--if-exists']] if values else []
    return lines + [['add', 'apppool', '/name:%s' % name] + values + ['--if-not-exists']]


def main():
    run_batch_module(
        dict(
            name=dict(type='str', required=True),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            properties=dict(type='dict'),
        ),
        batch_lines,
    )


if __name__ == '__main__':
    main()
