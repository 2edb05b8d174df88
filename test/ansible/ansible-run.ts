import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp.js';

/** The collection's root for ANSIBLE_COLLECTIONS_PATH (it holds ansible_collections/appcmd/iis_config). */
export const collectionsPath = join(repoRoot, 'ansible');
/** The tool as the modules' `appcmd` option names it: this checkout's CLI. */
export const appcmdTool: readonly string[] = [process.execPath, join(repoRoot, 'bin', 'appcmd.js')];
export const MODULES = ['appcmd_config', 'appcmd_ftp_ssl', 'appcmd_site', 'appcmd_apppool', 'appcmd_ftp_ssl_audit'] as const;

/** A program of .venv-ansible, which scripts/setup-ansible.sh makes (CI runs it in .ci/run). */
export function ansibleTool(name: string): string {
  const path = join(repoRoot, '.venv-ansible', 'bin', name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`bash scripts/setup-ansible.sh\` first (it installs ansible-core in .venv-ansible).`);
  return path;
}

export interface ToolRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one Ansible program with the collection on its path, quietly, its files kept in `home`. */
export function runAnsible(tool: string, args: readonly string[], home: string): Promise<ToolRun> {
  const env = {
    ...process.env,
    ANSIBLE_COLLECTIONS_PATH: collectionsPath,
    ANSIBLE_HOME: home,
    ANSIBLE_LOCAL_TEMP: join(home, 'tmp'),
    ANSIBLE_REMOTE_TEMP: join(home, 'tmp'),
    ANSIBLE_LOCALHOST_WARNING: 'false',
    ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
    ANSIBLE_RETRY_FILES_ENABLED: 'false',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_STDOUT_CALLBACK: 'results_json',
    ANSIBLE_CALLBACK_PLUGINS: join(repoRoot, 'test', 'ansible', 'callback_plugins'),
    ANSIBLE_PIPELINING: 'true',
    ANSIBLE_FORKS: '8',
  };
  return new Promise((resolve) => {
    execFile(ansibleTool(tool), args, { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** One task's result for one host, as test/ansible/callback_plugins/results_json.py reports it. */
export type TaskResult = Readonly<Record<string, unknown>> & {
  readonly changed?: boolean;
  readonly failed?: boolean;
  readonly msg?: string;
};

interface JsonCallbackOutput {
  plays: { tasks: { task: { name: string }; hosts: Record<string, TaskResult> }[] }[];
  stats: Record<string, { changed: number; failures: number; ok: number; skipped: number }>;
}

export interface PlaybookRun extends ToolRun {
  /** task name → host → result. */
  readonly results: ReadonlyMap<string, Readonly<Record<string, TaskResult>>>;
  readonly stats: JsonCallbackOutput['stats'];
}

/**
 * Writes `plays` (JSON is YAML), `inventory` and `files` (task files to include, by name) into a
 * fresh folder and runs ansible-playbook on them with the results_json callback, so every task's
 * result can be read back by its name.
 */
export async function runPlaybook(plays: unknown, inventory: unknown, files: Readonly<Record<string, unknown>> = {}): Promise<PlaybookRun> {
  const dir = tempDir('appcmd-ansible-');
  mkdirSync(join(dir, 'tmp'));
  writeFileSync(join(dir, 'playbook.yml'), JSON.stringify(plays, null, 2));
  writeFileSync(join(dir, 'inventory.yml'), JSON.stringify(inventory, null, 2));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content, null, 2));
  const run = await runAnsible('ansible-playbook', ['-i', join(dir, 'inventory.yml'), join(dir, 'playbook.yml')], dir);
  return { ...run, ...parseJsonCallback(run) };
}

function parseJsonCallback(run: ToolRun): Pick<PlaybookRun, 'results' | 'stats'> {
  let out: JsonCallbackOutput;
  try {
    out = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as JsonCallbackOutput;
  } catch {
    throw new Error(`ansible-playbook printed no JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  const results = new Map<string, Record<string, TaskResult>>();
  for (const play of out.plays) {
    for (const t of play.tasks) results.set(t.task.name, { ...(results.get(t.task.name) ?? {}), ...t.hosts });
  }
  return { results, stats: out.stats };
}

/** The result of `task` on `host`, or an error that says which task is missing. */
export function resultOf(run: PlaybookRun, task: string, host: string): TaskResult {
  const r = run.results.get(task)?.[host];
  if (r === undefined) throw new Error(`no result for task "${task}" on ${host}; exit ${run.code}\n${run.stderr}`);
  return r;
}

/**
 * A task that reads the host's file (`cfg`) into a fact, base64, on the controller: a lookup, not
 * a module, so that reading the file between two steps costs no module run.
 */
export function readFileTask(name: string): Record<string, unknown> {
  return { name, 'ansible.builtin.set_fact': { content: "{{ lookup('ansible.builtin.file', cfg, rstrip=False) | b64encode }}" } };
}

/** The bytes a readFileTask read. */
export function fileRead(run: PlaybookRun, task: string, host: string): Buffer {
  const facts = resultOf(run, task, host)['ansible_facts'] as { content?: unknown } | undefined;
  if (typeof facts?.content !== 'string') throw new Error(`task "${task}" on ${host} read nothing: ${JSON.stringify(resultOf(run, task, host))}`);
  return Buffer.from(facts.content, 'base64');
}
