#!/usr/bin/python
# -*- coding: utf-8 -*-
# MIT License (see the repository's package.json)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: appcmd_ftp_ssl
short_description: The FTP SSL Settings of an IIS FTP site, or of every site (siteDefaults)
description:
  - IIS Manager's FTP SSL Settings page as one task, through C(appcmd set ftpssl), that is the certificate
    (by thumbprint or subject), the SSL policy (allow, require, or custom per control and data
    channel) and 128-bit encryption.
  - With I(cert_store), the certificate is checked as the tool checks it (in the store named, valid
    now, for server authentication, with its private key), and a subject picks the usable
    certificate that expires last, so the same task can run after every renewal.
  - A policy that requires SSL while no certificate is in effect is refused (clients could not
    connect) unless I(force).
version_added: "0.1.0"
author: appcmd-xplat developers
extends_documentation_fragment:
  - appcmd.iis_config.appcmd
  - appcmd.iis_config.appcmd.CERT
options:
  site:
    description: The FTP site; exactly one of I(site) and I(site_defaults).
    type: str
  site_defaults:
    description: Set the defaults of every site (C(siteDefaults)) instead of one site.
    type: bool
    default: false
  policy:
    description:
      - C(Allow) or C(Require) SSL connections (both channels), or C(Custom) with I(control) and I(data).
        I(control) or I(data) without a policy means C(Custom).
    type: str
    choices: [Allow, Require, Custom]
  control:
    description: The control channel (Custom); the schema's names (C(SslRequireCredentialsOnly)) work too.
    type: str
  data:
    description: The data channel (Custom); the schema's names (C(SslDeny)) work too.
    type: str
  certificate:
    description:
      - The certificate's SHA-1 thumbprint (as pasted from Windows' dialog; spaces, colons and the
        invisible mark are removed), a subject (C(CN=ftp.example.com), needs I(cert_store)), or
        C(none) to remove the site's certificate.
    type: str
  store:
    description: The certificate store (C(MY), C(WebHosting)); with I(cert_store) it is the store the certificate is found in.
    type: str
  ssl128:
    description: Require 128-bit encryption.
    type: bool
'''

EXAMPLES = r'''
- name: FTPS required with this host's certificate
  appcmd.iis_config.appcmd_ftp_ssl:
    config_file: /srv/golden/applicationHost.config
    site: ftp.example.com
    certificate: "{{ ftp_cert_thumbprint }}"
    store: My
    policy: Require

- name: Credentials always encrypted, data as the client wants, newest certificate of that name
  appcmd.iis_config.appcmd_ftp_ssl:
    config_file: /srv/golden/applicationHost.config
    site_defaults: true
    certificate: CN=ftp.example.com
    cert_store: /srv/certs
    control: CredentialsOnly
    data: Allow
'''

RETURN = r'''
changed:
  description: Whether the file was (in check mode, would be) changed.
  returned: always
  type: bool
changes:
  description: Each attribute changed, with its value before and after.
  returned: success
  type: list
  elements: dict
  sample: [{attribute: controlChannelPolicy, before: SslAllow, inherited: false, after: SslRequire}]
file:
  description: The file edited.
  returned: success
  type: str
written:
  description: Whether the file was written.
  returned: success
  type: bool
notes:
  description: The tool's notes and warnings (a weak key, an expiry within 30 days, what was cleaned from a thumbprint).
  returned: always
  type: list
  elements: str
rc:
  description: The tool's exit code, on failure.
  returned: failure
  type: int
win32:
  description: The Win32 error code of the failure (13 an invalid value or unusable certificate, 1168 not found).
  returned: failure
  type: int
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.appcmd.iis_config.plugins.module_utils.appcmd import (
    CERT_ARGUMENT_SPEC,
    COMMON_ARGUMENT_SPEC,
    cert_options,
    file_options,
    run_appcmd,
    value_text,
    write_result,
)

SWITCHES = ('policy', 'control', 'data', 'store', 'ssl128')


def arguments(p):
    args = ['set', 'ftpssl'] + (['/siteDefaults'] if p['site_defaults'] else [p['site']])
    args += ['/%s:%s' % (s, value_text(p[s])) for s in SWITCHES if p[s] is not None]
    if p['certificate'] is not None:
        args.append('/cert:%s' % p['certificate'])
    return args


def main():
    spec = dict(
        site=dict(type='str'),
        site_defaults=dict(type='bool', default=False),
        policy=dict(type='str', choices=['Allow', 'Require', 'Custom']),
        control=dict(type='str'),
        data=dict(type='str'),
        certificate=dict(type='str'),
        store=dict(type='str'),
        ssl128=dict(type='bool'),
    )
    spec.update(COMMON_ARGUMENT_SPEC)
    spec.update(CERT_ARGUMENT_SPEC)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True)
    p = module.params
    if (p['site'] is None) == (not p['site_defaults']):
        module.fail_json(msg='Give exactly one of site and site_defaults: true.')
    args = arguments(p) + file_options(module) + cert_options(module)
    _, result, notes = run_appcmd(module, args)
    module.exit_json(**write_result(module, result, notes, changes=result.get('changes', [])))


if __name__ == '__main__':
    main()
