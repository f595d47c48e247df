#!/usr/bin/env bash
# Run a command (the test suite) with everything the tests need on a fresh Debian machine:
# Chromium for the dashboard's browser tests and a throwaway PostgreSQL for the store tests.
#
#   scripts/test-env.sh .venv/bin/pytest
#
# Missing packages (chromium, postgresql) are installed from Debian's archive when this runs as
# root; otherwise it stops with one line naming them. PostgreSQL runs from a temporary data
# folder on a free local port for this run only and is stopped and removed when the command
# ends, however it ends. A HEMIWATCH_TEST_PG already set is used as it is instead.
set -euo pipefail

say() { echo "test-env: $*" >&2; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ -z "${HEMIWATCH_TEST_PG:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    say "the tests need Debian's ${need[*]}: run 'sudo apt-get install ${need[*]}' (or run as root)"
    exit 1
  fi
  say "installing ${need[*]} from Debian's packages (first run only)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "${HEMIWATCH_TEST_PG:-}" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  data=$(mktemp -d /tmp/hemiwatch-pg.XXXXXX)
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # initdb refuses to run as root: the cluster belongs to the postgres user when we are root
  as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$data"
    as=(su postgres -s /bin/sh -c)
  else
    as=(sh -c)
  fi
  stop() {
    "${as[@]}" "'$bin/pg_ctl' -D '$data/db' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$data"
  }
  trap stop EXIT
  "${as[@]}" "'$bin/initdb' -D '$data/db' -U hemiwatch --auth=trust -E UTF8 --no-sync" >/dev/null
  "${as[@]}" "'$bin/pg_ctl' -D '$data/db' -w -l '$data/log' -o \"-p $port -k '$data' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
  "${as[@]}" "'$bin/createdb' -h 127.0.0.1 -p $port -U hemiwatch hemiwatch_test"
  export HEMIWATCH_TEST_PG="postgresql://hemiwatch@127.0.0.1:$port/hemiwatch_test"
  say "PostgreSQL for this run at $HEMIWATCH_TEST_PG"
fi

"$@"
