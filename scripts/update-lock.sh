#!/usr/bin/env bash
# Rewrite requirements.lock: every dependency, direct and indirect, of episode-site and its extras
# (test, renderers), pinned to one version. Run it after changing the dependencies in pyproject.toml;
# pins already in the lock are kept unless you pass `--upgrade` or `--upgrade-package NAME`.
# pip-compile (pip-tools) runs in a throwaway venv, so it is not itself a dependency of the project.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/pip" install -q --disable-pip-version-check pip-tools==7.6.2
"$tools/bin/pip-compile" -q --extra test --extra renderers --strip-extras --allow-unsafe \
  --no-emit-index-url --no-emit-find-links --output-file requirements.lock "$@" pyproject.toml
echo "requirements.lock updated; install it with: .venv/bin/pip install -c requirements.lock -e '.[test,renderers]'"
