# Shared helpers for niaga's scripts; sourced, not run.
# A throwaway PostgreSQL 15 server: project-local or temporary data folder,
# unix socket only, non-default port. As root the server runs as `postgres`
# (initdb refuses root); as a normal user it runs as that user and package
# installs go through sudo.

set -euo pipefail

NIAGA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_MAJOR=${PG_MAJOR:-15}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_MAJOR/bin}
PG_CONFIG=${PG_CONFIG:-/usr/bin/pg_config}
export PG_CONFIG

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The OS user that owns and runs the throwaway server.
server_user() {
    if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

# Runs a command as the server user, from / so runuser does not warn about
# an unreadable working directory.
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Debian packages niaga needs to build, test and run (pg_cron for the
# scheduled jobs and their suite).
NIAGA_PACKAGES=(
    postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-pgtap
    libtap-parser-sourcehandler-pgtap-perl postgresql-contrib postgresql-$PG_MAJOR-cron
    cmake g++ make libgtest-dev clang-format sqlsmith
)

# Installs whichever of NIAGA_PACKAGES is missing (nothing when all are there).
ensure_packages() {
    local missing=() package
    for package in "${NIAGA_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Builds the extension with PGXS and installs it into the server's folders.
build_and_install() {
    say "building niaga (make)"
    make -C "$NIAGA_ROOT" -s -j"$(nproc)" >/dev/null
    say "installing niaga (make install)"
    as_root make -C "$NIAGA_ROOT" -s install PG_CONFIG="$PG_CONFIG" >/dev/null
}

# A data folder the server user can reach. Preferred: $1 itself. When the
# server user cannot traverse the path to it (a clone under /root, say), the
# data lives in /tmp and $1 becomes a symlink to it.
prepare_data_folder() {
    local wanted=$1 parent
    parent=$(dirname "$wanted")
    mkdir -p "$parent"
    if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$parent" 2>/dev/null; then
        local elsewhere
        elsewhere=/tmp/niaga-$(printf '%s' "$wanted" | md5sum | cut -c1-12)
        mkdir -p "$elsewhere"
        ln -sfn "$elsewhere" "$wanted"
    else
        mkdir -p "$wanted"
    fi
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$(readlink -f "$wanted")"; fi
    chmod 700 "$(readlink -f "$wanted")"
}

# Starts a server in folder $1 (data in $1/data, socket in $1) on port $2.
# $3, when given, is more postgresql.conf lines for a new data folder (e.g.
# shared_preload_libraries). Sets PGHOST, PGPORT, PGUSER for the clients.
server_start() {
    local folder=$1 port=$2 settings=${3:-} real
    prepare_data_folder "$folder"
    real=$(readlink -f "$folder")
    if [ ! -f "$real/data/PG_VERSION" ]; then
        as_server_user "$PG_BIN/initdb" -D "$real/data" -A trust -E UTF8 --locale=C.UTF-8 >"$real/initdb.log" 2>&1 \
            || { cat "$real/initdb.log" >&2; die "initdb failed"; }
        cat >>"$real/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$real'
port = $port
shared_buffers = 256MB
max_connections = 120
max_prepared_transactions = 10
fsync = on
log_min_messages = warning
$settings
CONF
    fi
    as_server_user "$PG_BIN/pg_ctl" -D "$real/data" -l "$real/server.log" -w -t 60 start >/dev/null \
        || { tail -20 "$real/server.log" >&2; die "the server did not start"; }
    export PGHOST=$real PGPORT=$port PGUSER=$(server_user)
}

# Stops the server in folder $1 if it runs.
server_stop() {
    local real
    real=$(readlink -f "$1" 2>/dev/null) || return 0
    [ -f "$real/data/postmaster.pid" ] || return 0
    as_server_user "$PG_BIN/pg_ctl" -D "$real/data" -m fast -w stop >/dev/null 2>&1 || true
}

# Recreates database $1 with the niaga extension (and pgtap when $2 = pgtap).
create_database() {
    local db=$1
    PGOPTIONS='-c client_min_messages=warning' "$PG_BIN/psql" -X -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    "$PG_BIN/psql" -X -q -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION niaga"
    if [ "${2:-}" = pgtap ]; then "$PG_BIN/psql" -X -q -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION pgtap"; fi
}

# Places $2 orders on the demo store of scripts/demo-data.sql in database $1
# (customer Mei Ling, 2 bags of white coffee each, shipped standard, sold by
# agent AG-KL-002) and prints their order numbers, one a line.
place_demo_orders() {  # DATABASE COUNT
    local i
    for ((i = 0; i < $2; i++)); do
        cat <<'SQL'
INSERT INTO sales.carts (user_id) VALUES ('10000000-0000-0000-0000-000000000006') RETURNING id AS cart \gset
SELECT sales.add_to_cart(:'cart', '22000000-0000-0000-0000-000000000004', NULL, 2) AS line \gset
SELECT order_number FROM sales.place_order(:'cart', 'standard', '{"city": "Georgetown"}', NULL, 'AG-KL-002');
SQL
    done | "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$1"
}

# Points the clients at a server again (after a suite started its own):
# exports PGHOST, PGPORT and PGUSER, and unsets each one given empty.
use_clients() {  # PGHOST PGPORT PGUSER
    local name values=("$@") i=0
    for name in PGHOST PGPORT PGUSER; do
        if [ -n "${values[$i]:-}" ]; then export "$name=${values[$i]}"; else unset "$name"; fi
        i=$((i + 1))
    done
}
