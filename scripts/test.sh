#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine (Chromium, a venv with the
# project, its test extras and the other renderers, at the locked versions), then run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium fonts-dejavu-core)  # a font, so pages render text headless
python3 -c 'import ensurepip' 2>/dev/null || need_apt+=(python3-venv)
command -v npm >/dev/null || need_apt+=(nodejs npm)  # the JavaScript's linter and unit tests (node --test)
if [ ${#need_apt[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
# Every dependency, direct and indirect, at the version in requirements.lock (scripts/update-lock.sh rewrites it);
# `renderers` brings ProperDocs and Zensical, which tests/test_renderers.py builds the site with.
.venv/bin/python -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[test,renderers]'
# Lint first: a finding stops the run before the slow tests (rules in pyproject.toml).
.venv/bin/ruff check scripts tests
# The JavaScript: Biome at the version in package-lock.json, then its unit tests (rules in biome.json).
npm ci --no-audit --no-fund --loglevel=error
node_modules/.bin/biome lint
node --test --test-reporter=spec tests/js/*.test.js  # a list of files: node 18 to 22 all read it the same way
# -n auto: one pytest worker per core (pytest-xdist); worksteal evens out the long browser tests.
exec .venv/bin/python -m pytest -n auto --dist worksteal "$@"
