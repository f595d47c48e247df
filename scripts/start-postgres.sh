#!/usr/bin/env bash
# Install (from Debian's packages) and start a local PostgreSQL for the store tests, and print the
# URL to export as HEMIWATCH_TEST_PG. Idempotent: safe to run when it is already up.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true  # "already running" is fine
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" >/dev/null 2>&1 && break
  sleep 1
done
{
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='hemiwatch'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"CREATE ROLE hemiwatch LOGIN SUPERUSER PASSWORD 'hemiwatch'\""
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='hemiwatch_test'\"" |
    grep -q 1 || su postgres -c "createdb -O hemiwatch hemiwatch_test"
} >/dev/null 2>&1
# stdout carries the URL only: .ci/run captures it
echo "postgresql://hemiwatch:hemiwatch@127.0.0.1:5432/hemiwatch_test"
