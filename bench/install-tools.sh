#!/usr/bin/env bash
# Installs the command-line tools the benchmark harness compares Ferry with, from Debian's packages:
# pgloader, the sqlite3 shell, the PostgreSQL and MariaDB clients (pg_dump, pg_restore, psql,
# mysqldump, mariadb) and GNU time (peak RSS). Needs root (or sudo) on a Debian/Ubuntu machine;
# does nothing when everything is already there. The servers themselves: .ci/ensure-servers.
set -euo pipefail
log() { echo "install-tools: $*" >&2; }

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need pgloader pgloader
need sqlite3 sqlite3
need psql postgresql-client
need pg_dump postgresql-client
need pg_restore postgresql-client
need mysqldump mariadb-client
need mariadb mariadb-client
[ -x /usr/bin/time ] || missing+=(time)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
log "installing $packages"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
log "done"
