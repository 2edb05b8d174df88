#!/usr/bin/python
# -*- coding: utf-8 -*-
# MIT License (see the repository's package.json)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: appcmd_ftp_ssl_audit
short_description: The FTPS audit of an applicationHost.config, failing at a severity
description:
  - Runs C(appcmd audit ftpssl) (read only, never writes), which reports the effective FTP-over-SSL settings of
    every FTP site (or one), and findings with a severity and the command that fixes each.
  - With I(fail_on), the task fails when a finding reaches that severity, with the findings in its result.
version_added: "0.1.0"
author: appcmd-xplat developers
extends_documentation_fragment:
  - appcmd.iis_config.appcmd
options:
  site:
    description: Audit only this site.
    type: str
  fail_on:
    description: Fail when a finding is at or above this severity.
    type: str
    choices: [high, medium, low]
  cert_store:
    description: A folder of certificate stores, to check the certificates the sites name (see the tool's docs/ftp-ssl.md).
    type: path
  cert_password:
    description: The password of the PKCS#12 files in I(cert_store); passed in the environment.
    type: str
'''

EXAMPLES = r'''
- name: No FTP site may send credentials in clear text
  appcmd.iis_config.appcmd_ftp_ssl_audit:
    config_file: /srv/golden/applicationHost.config
    cert_store: /srv/certs
    fail_on: high
  register: audit

- name: What would be fixed
  ansible.builtin.debug:
    msg: "{{ audit.findings | map(attribute='fix') | list }}"
'''

RETURN = r'''
changed:
  description: Always false; the audit reads the file only.
  returned: always
  type: bool
sites:
  description: Each FTP site with its bindings, effective settings (value, where it comes from, line), certificate and findings.
  returned: success
  type: list
  elements: dict
findings:
  description: Every finding of every site, each with its I(site) added.
  returned: always
  type: list
  elements: dict
  sample: [{site: ftp.example.com, ruleId: FTPS001, severity: high, message: "...", fix: "appcmd set ftpssl ..."}]
counts:
  description: The number of findings per severity.
  returned: always
  type: dict
failed_on:
  description: The findings at or above I(fail_on) (when the task fails because of them).
  returned: failure
  type: list
  elements: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.appcmd.iis_config.plugins.module_utils.appcmd import (
    COMMON_ARGUMENT_SPEC,
    AUDIT_FAILED_EXIT,
    file_options,
    run_appcmd,
)

ORDER = ['low', 'medium', 'high']


def main():
    spec = dict(
        site=dict(type='str'),
        fail_on=dict(type='str', choices=ORDER),
        cert_store=dict(type='path'),
        cert_password=dict(type='str', no_log=True),
    )
    spec.update(COMMON_ARGUMENT_SPEC)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True)
    p = module.params
    args = ['audit', 'ftpssl'] + ([p['site']] if p['site'] else []) + file_options(module)
    if p['cert_store']:
        args.append('/certstore:%s' % p['cert_store'])
    if p['fail_on']:
        args.append('/failon:%s' % p['fail_on'])
    rc, report, notes = run_appcmd(module, args, writes=False, ok_codes=(0, AUDIT_FAILED_EXIT))
    sites = report.get('sites', [])
    findings = [dict(site=s['name'], **f) for s in sites for f in s.get('findings', [])]
    result = dict(changed=False, file=report.get('file'), sites=sites, findings=findings, counts=report.get('counts', {}), notes=notes)
    if rc == AUDIT_FAILED_EXIT:
        at_or_above = ORDER[ORDER.index(p['fail_on']):]
        failing = [f for f in findings if f.get('severity') in at_or_above]
        module.fail_json(msg='FTPS audit: %d finding(s) at or above %s: %s' % (len(failing), p['fail_on'], '; '.join('%s: %s' % (f['site'], f['message']) for f in failing)), failed_on=failing, rc=rc, **result)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
