#!/usr/bin/env bash
# Puts ansible-core in a virtual environment, .venv-ansible, for the Ansible collection's tests
# (test/ansible) and for anyone running the playbooks in ansible/. Idempotent and quick when
# everything is there already (CI runs it on every build).
#
# ansible-core comes from the Python package registry when pip can reach it; this project's CI
# cannot, so it then comes from Debian (apt's ansible-core, for /usr/bin/python3) and the venv is
# made with --system-site-packages so that its python sees it.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-ansible
system_python=/usr/bin/python3

# -I keeps the working directory off sys.path: this project's ansible/ folder (the collection)
# would otherwise import as an empty namespace package named ansible and pass for ansible-core.
have_system_ansible() {
  [ -x "$system_python" ] && "$system_python" -I -c 'import ansible.release, venv, ensurepip' 2>/dev/null
}

if [ -x "$venv/bin/ansible-playbook" ] && "$venv/bin/python" -I -c 'import ansible.release' 2>/dev/null; then
  exit 0
fi

python=$system_python
if ! have_system_ansible; then
  if command -v apt-get >/dev/null 2>&1; then
    # Another apt run (a neighbour's setup script) may hold the lock: wait for it, not fail.
    apt_opts=(-y -o DPkg::Lock::Timeout=300 --no-install-recommends)
    apt-get install "${apt_opts[@]}" ansible-core python3-venv >/dev/null 2>&1 || {
      apt-get update -qq -o DPkg::Lock::Timeout=300
      DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" ansible-core python3-venv
    }
  elif ! [ -x "$system_python" ]; then
    python=$(command -v python3)
  fi
fi

rm -rf "$venv"
"$python" -m venv --system-site-packages "$venv"
# The registry, when reachable, gives the current ansible-core; a short timeout and no retries
# so that a machine without it (this CI) decides in a few seconds and keeps the system one.
if "$venv/bin/python" -m pip install --disable-pip-version-check --quiet --timeout 5 --retries 0 --ignore-installed ansible-core >/dev/null 2>&1; then
  echo "setup-ansible: ansible-core from the package registry in $venv"
else
  echo "setup-ansible: package registry not reachable; using the system ansible-core in $venv"
fi
"$venv/bin/python" -I -c 'import ansible.release' || { echo "setup-ansible: no ansible-core in $venv" >&2; exit 1; }
# A venv made with --system-site-packages has python but not the system's ansible scripts.
for path in /usr/bin/ansible /usr/bin/ansible-*; do
  tool=${path##*/}
  if ! [ -e "$venv/bin/$tool" ] && [ -x "$path" ]; then
    printf '#!%s\nimport sys, runpy\nsys.argv[0] = "%s"\nrunpy.run_path("/usr/bin/%s", run_name="__main__")\n' "$PWD/$venv/bin/python" "$tool" "$tool" >"$venv/bin/$tool"
    chmod +x "$venv/bin/$tool"
  fi
done
version=$("$venv/bin/ansible-playbook" --version)
echo "${version%%$'\n'*}"
