#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests that need one (LOKET_TEST_PG). Runs Debian's
# PostgreSQL (installs it when missing and we are root) as an unprivileged user, with its data
# in a temporary folder and a port on 127.0.0.1 only, trust auth (nothing else can reach it).
# Idempotent: a second run finds the cluster up and prints the same line. Prints
#   LOKET_TEST_PG=postgres://USER@127.0.0.1:PORT/loket_test
# for the caller to export (`eval "$(bash .ci/setup-postgres.sh)"`); everything else goes to
# stderr.
set -euo pipefail

port=${LOKET_PG_PORT:-55432}
root=${LOKET_PG_ROOT:-/tmp/loket-pg}
data=$root/data
db=loket_test

bin=""
for v in 17 16 15 14 13; do
    [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && { bin=/usr/lib/postgresql/$v/bin; break; }
done
if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed (apt-get install postgresql) and we are not root" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL refuses to run as root: as root, run it as `loketpg` (made here when missing).
if [ "$(id -u)" -eq 0 ]; then
    user=loketpg
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    as() { runuser -u "$user" -- "$@"; }
else
    user=$(id -un)
    as() { "$@"; }
fi

mkdir -p "$root"
chmod 755 "$root"
[ "$(id -u)" -eq 0 ] && chown "$user" "$root"

if [ ! -f "$data/PG_VERSION" ]; then
    as "$bin/initdb" -D "$data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if ! as "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # The socket goes in the data folder's parent: /run/postgresql may not exist or be ours.
    as "$bin/pg_ctl" -D "$data" -l "$root/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $root -c max_connections=200 -c fsync=off" \
        start >&2
fi

if ! as "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    as "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$db" >&2
fi

echo "LOKET_TEST_PG=postgres://$user@127.0.0.1:$port/$db"
# The fault tests restart the server with pg_ctl: they need to know how, and as whom.
echo "LOKET_TEST_PG_CTL=$bin/pg_ctl"
echo "LOKET_TEST_PG_DATA=$data"
echo "LOKET_TEST_PG_USER=$user"
