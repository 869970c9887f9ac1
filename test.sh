#!/usr/bin/env bash
# Every test, also on a fresh Debian machine: installs what is missing (when run as root; otherwise prints the one
# apt command), starts PostgreSQL if it is down, then runs the whole suite (SQLite) and the server-database test
# classes again on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { [ "$(id -u)" -eq 0 ]; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet is not on PATH): https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

# Browser tests drive Debian's chromium (Playwright cannot download its own browser here); the server-database
# pass needs PostgreSQL.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if ! as_root; then
    echo "Missing: ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# PostgreSQL: the first cluster, started if it is down, with the role the tests log in as.
if [ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
  if ! as_root; then
    echo "PostgreSQL has no cluster. Create one with: sudo pg_createcluster $(ls /usr/lib/postgresql | sort -V | tail -1) main" >&2
    exit 1
  fi
  pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -1)" main
fi
read -r pg_version pg_cluster pg_port pg_status _ <<<"$(pg_lsclusters --no-header | head -1)"
if [ "$pg_status" != "online" ]; then
  if ! as_root; then
    echo "PostgreSQL is down. Start it with: sudo pg_ctlcluster $pg_version $pg_cluster start" >&2
    exit 1
  fi
  pg_ctlcluster "$pg_version" "$pg_cluster" start
fi
if as_root; then
  su postgres -c "psql -p $pg_port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'lticurriculum_test'\"" | grep -q 1 \
    || su postgres -c "psql -p $pg_port -qc \"CREATE ROLE lticurriculum_test LOGIN CREATEDB PASSWORD 'lticurriculum_test'\""
  # Dropping a test database WITH (FORCE) must also end an autovacuum worker that has just started on it, which a
  # plain role may not signal.
  su postgres -c "psql -p $pg_port -qc \"GRANT pg_signal_backend TO lticurriculum_test\""
fi
export LTI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=lticurriculum_test;Password=lticurriculum_test;Timeout=5"

# Every test on SQLite, then the server-database classes (whole launch flows, racing writers, two instances on one
# database, a killed instance) on PostgreSQL, each in a database of its own that is dropped after.
# A test that runs for 10 minutes (the slowest take about one) is taken as hung: the test process is ended and the
# test it was running is named, rather than the run waiting until CI's own limit.
hang_guard=(--blame-hang-timeout 10m --blame-hang-dump-type none)
dotnet test LtiCurriculum.sln "${hang_guard[@]}"
LTI_TEST_DATABASE=PostgreSQL dotnet test tests/LtiCurriculum.Web.Tests --no-build --filter "Category=ServerDatabase" "${hang_guard[@]}"
