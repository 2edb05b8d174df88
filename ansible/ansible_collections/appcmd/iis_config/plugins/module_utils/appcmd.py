# -*- coding: utf-8 -*-
# MIT License (see the repository's package.json)
"""Runs the appcmd CLI for a module: one process per task, --json out, IIS's errors back as failures.

Every module states what it wants as appcmd command lines; they run as one `appcmd batch`
(one parse of the file, one atomic write, all or nothing), or as one command where a verb cannot
run in a batch (set ftpssl, audit ftpssl). Check mode is the CLI's --dry-run and diff mode its
--diff, so `changed` and the diff are the tool's own account of the write, not a guess made by
reading the file again.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
import shlex

from ansible.module_utils.basic import AnsibleModule

COMMON_ARGUMENT_SPEC = dict(
    config_file=dict(type='path', required=True, aliases=['apphostconfig']),
    appcmd=dict(type='raw', default='appcmd'),
    schema_dir=dict(type='list', elements='path'),
    lock_timeout=dict(type='float'),
)

CERT_ARGUMENT_SPEC = dict(
    cert_store=dict(type='path'),
    cert_password=dict(type='str', no_log=True),
    force=dict(type='bool', default=False),
)

# `appcmd audit ftpssl /failon:` exits 1 when findings reach the threshold (its report is still printed).
AUDIT_FAILED_EXIT = 1

_PLAIN = re.compile(r'^[^\s"]+$')


def quote_argument(arg):
    """Quotes one argument so that appcmd's batch reader (Windows C runtime rules) reads it back unchanged."""
    if arg != '' and _PLAIN.match(arg):
        return arg
    out = '"'
    backslashes = 0
    for c in arg:
        if c == '\\':
            backslashes += 1
            continue
        out += ('\\' * (backslashes * 2 + 1) + '"') if c == '"' else ('\\' * backslashes + c)
        backslashes = 0
    return out + '\\' * (backslashes * 2) + '"'


def command_line(args):
    return ' '.join(quote_argument(a) for a in args)


def value_text(value):
    """A YAML value as appcmd writes it: booleans as true/false (IIS's spelling), the rest as text."""
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if value is None:
        raise ValueError('a value is missing (null)')
    return str(value)


def property_switches(properties):
    """{'path.attr': value} -> ['/path.attr:value', ...], in the order given."""
    return ['/%s:%s' % (name, value_text(value)) for name, value in (properties or {}).items()]


def indexer(item):
    """{'name': 'x', 'id': 2} -> "[name='x',id='2']" (a quote inside a value is doubled, as appcmd reads it)."""
    return '[' + ','.join("%s='%s'" % (k, value_text(v).replace("'", "''")) for k, v in item.items()) + ']'


def appcmd_argv(module):
    """The `appcmd` option as argv: a list as it is, an existing file as one word, else split like a shell."""
    exe = module.params['appcmd']
    if isinstance(exe, list):
        return [str(a) for a in exe]
    exe = str(exe)
    if os.path.exists(exe):
        return [exe]
    return shlex.split(exe)


def file_options(module):
    """The switches that concern the file: which one, its schema, how long to wait for another writer."""
    p = module.params
    args = ['/apphostconfig:%s' % p['config_file']]
    for d in p.get('schema_dir') or []:
        args.append('/schemadir:%s' % d)
    if p.get('lock_timeout') is not None:
        args.append('/locktimeout:%s' % p['lock_timeout'])
    return args


def cert_options(module):
    p = module.params
    args = []
    if p.get('cert_store'):
        args.append('/certstore:%s' % p['cert_store'])
    if p.get('force'):
        args.append('/force')
    return args


def _cert_environ(module):
    # The password goes through the environment, never the command line (process list, logs).
    password = module.params.get('cert_password')
    # Errors as JSON on stderr, whatever APPCMD_ERRORS the host sets (that is where they are read).
    env = {'NO_COLOR': '1', 'APPCMD_ERRORS': 'stderr'}
    if password is not None:
        env['APPCMD_CERTPASSWORD'] = password
    return env


def _error_json(stderr):
    for line in reversed(stderr.splitlines()):
        line = line.strip()
        if line.startswith('{'):
            try:
                return json.loads(line)
            except ValueError:
                return None
    return None


def _notes(stderr):
    return [line for line in stderr.splitlines() if line.strip() and not line.lstrip().startswith('{')]


def run_appcmd(module, args, stdin=None, writes=True, ok_codes=(0,)):
    """Runs appcmd with `args` (+ --json, and --dry-run/--diff for a write); returns (rc, result, notes).

    A failure is turned into fail_json with IIS's message, its exit code (rc, as the shell saw it)
    and the Win32 code, and the tool's hints; nothing was written in that case (the tool's rule).
    """
    argv = appcmd_argv(module) + list(args) + ['--json']
    if writes and module.check_mode:
        argv.append('--dry-run')
    if writes and module._diff:
        argv.append('--diff')
    try:
        rc, out, err = module.run_command(argv, data=stdin, environ_update=_cert_environ(module))
    except OSError as e:
        module.fail_json(msg='cannot run appcmd (%s): %s' % (' '.join(argv[:2]), e), cmd=argv)
    notes = _notes(err)
    if rc not in ok_codes:
        error = _error_json(err) or {}
        module.fail_json(
            msg=error.get('message') or (err.strip() or 'appcmd exited with %d' % rc),
            rc=rc,
            win32=error.get('win32'),
            code=error.get('code'),
            hints=error.get('hints') or [],
            notes=notes,
            cmd=argv,
            stdout=out,
            stderr=err,
        )
    try:
        result = json.loads(out) if out.strip() else {}
    except ValueError:
        module.fail_json(msg='appcmd printed something that is not JSON; is `appcmd` this tool?', rc=rc, cmd=argv, stdout=out, stderr=err)
    for n in notes:
        if n.startswith('Warning'):
            module.warn(n)
    return rc, result, notes


def run_batch(module, lines):
    """Runs `lines` (each a list of arguments) as one appcmd batch: one parse, one atomic write, all or nothing."""
    commands = [command_line(line) for line in lines]
    if not commands:
        return {'changed': False, 'commands': []}
    _, result, notes = run_appcmd(module, ['batch', '-'] + file_options(module), stdin='\n'.join(commands) + '\n')
    return write_result(module, result, notes, commands=commands)


def write_result(module, result, notes, **extra):
    """The module's return values for a write: changed, and the diff in diff mode."""
    out = dict(changed=bool(result.get('changed')), file=result.get('file'), written=bool(result.get('written')), notes=notes, **extra)
    diff = result.get('diff')
    if module._diff and diff:
        out['diff'] = dict(prepared=diff)
    return out


def run_batch_module(argument_spec, batch_lines, check=None):
    """The whole of a batch module: its options plus the common ones, `batch_lines(params)` run as
    one appcmd batch, exit_json with what the tool reports. `check(params)` may refuse early."""
    spec = dict(argument_spec)
    spec.update(COMMON_ARGUMENT_SPEC)
    module = AnsibleModule(argument_spec=spec, supports_check_mode=True)
    try:
        lines = batch_lines(module.params)
    except ValueError as e:
        module.fail_json(msg='Invalid value: %s.' % e)
    problem = check(module.params, lines) if check else None
    if problem:
        module.fail_json(msg=problem)
    module.exit_json(**run_batch(module, lines))
