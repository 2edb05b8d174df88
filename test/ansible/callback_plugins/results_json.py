# -*- coding: utf-8 -*-
# A stdout callback for the tests of test/ansible: every task's result per host, then the
# stats, as one JSON document (ansible-core ships no JSON callback; ansible.posix's is not here).

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = '''
name: results_json
type: stdout
short_description: every task result and the stats as one JSON document
description: Used by the repository's tests to read back each task's result by its name.
'''

import json

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'stdout'
    CALLBACK_NAME = 'results_json'

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.tasks = []
        self.by_uuid = {}

    def _record(self, result, **extra):
        task = result._task
        entry = self.by_uuid.get(task._uuid)
        if entry is None:
            entry = {'task': {'name': task.get_name()}, 'hosts': {}}
            self.by_uuid[task._uuid] = entry
            self.tasks.append(entry)
        entry['hosts'][result._host.get_name()] = dict(result._result, **extra)

    def v2_runner_on_ok(self, result):
        self._record(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, failed=True)

    def v2_runner_on_skipped(self, result):
        self._record(result, skipped=True)

    def v2_runner_on_unreachable(self, result):
        self._record(result, unreachable=True)

    def v2_playbook_on_stats(self, stats):
        summary = dict((h, stats.summarize(h)) for h in sorted(stats.processed.keys()))
        self._display.display(json.dumps({'plays': [{'tasks': self.tasks}], 'stats': summary}, default=str))
