#!/usr/bin/env bash
# niaga's test command: installs what is missing, builds, installs, starts a
# throwaway PostgreSQL in a temporary folder, runs every suite (or the ones
# named) and ends with one line "N passed, N failed". The server is always
# stopped, pass or fail.
#
#   scripts/test.sh                      # everything
#   scripts/test.sh unit regress         # some suites
#   scripts/test.sh --no-build pgtap     # skip packages/build/install (ctest)
#
# Suites: unit (GoogleTest, src/core), regress (pg_regress, test/regress),
# isolation (pg_isolation_regress, test/isolation), pgtap (pg_prove,
# test/pgtap), pgbench (many clients racing, test/pgbench), then one suite
# per file of scripts/suites/ (NN_name.sh defines suite_name), e.g. dump
# (pg_dump / pg_restore round trip) and fuzz (sqlsmith, no backend may crash).
#
# NIAGA_LONG=1 runs the long variants of the suites that have one (more
# clients, more time, more queries); without it every suite stays short.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ALL_SUITES=(unit regress isolation pgtap pgbench)
for file in "$NIAGA_ROOT"/scripts/suites/*.sh; do
    name=$(basename "$file" .sh)
    ALL_SUITES+=("${name#*_}")
done
build=yes
suites=()
for argument in "$@"; do
    case "$argument" in
        --no-build) build=no ;;
        *)
            [[ " ${ALL_SUITES[*]} " == *" $argument "* ]] \
                || die "unknown suite '$argument' (suites: ${ALL_SUITES[*]})"
            suites+=("$argument")
            ;;
    esac
done
[ ${#suites[@]} -gt 0 ] || suites=("${ALL_SUITES[@]}")

if [ "$build" = yes ]; then
    ensure_packages
    build_and_install
fi

WORK=$(mktemp -d /tmp/niaga-test.XXXXXX)
chmod 755 "$WORK"
SERVER="$WORK/server"
PGXS_DIR=$(dirname "$("$PG_CONFIG" --pgxs)")/../..
cleanup() {
    server_stop "$SERVER"
    if [ "${NIAGA_KEEP_TEST_FOLDER:-}" = 1 ]; then say "kept $WORK"; else as_root rm -rf "$WORK"; fi
}
trap cleanup EXIT

passed=0
failed=0
failures=()
count() {  # count SUITE PASSED FAILED
    passed=$((passed + $2))
    failed=$((failed + $3))
    printf '%-10s %4d passed, %d failed\n' "$1" "$2" "$3"
    [ "$3" -eq 0 ] || failures+=("$1")
}

server_started=no
need_server() {
    [ "$server_started" = yes ] && return 0
    server_start "$SERVER" "$((55000 + RANDOM % 900))"
    server_started=yes
}
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1)

suite_unit() {
    say "unit: GoogleTest"
    cmake -S "$NIAGA_ROOT" -B "$NIAGA_ROOT/build" -DPG_CONFIG="$PG_CONFIG" >"$WORK/cmake.log" 2>&1 \
        || { cat "$WORK/cmake.log"; count unit 0 1; return; }
    cmake --build "$NIAGA_ROOT/build" -j"$(nproc)" --target niaga_unit_tests >>"$WORK/cmake.log" 2>&1 \
        || { tail -40 "$WORK/cmake.log"; count unit 0 1; return; }
    local log="$WORK/unit.log" status=0
    "$NIAGA_ROOT/build/niaga_unit_tests" >"$log" 2>&1 || status=$?
    local ok bad
    ok=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
    bad=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) tests\{0,1\}, listed below.*/\1/p' "$log")
    # A crash or any other failure without gtest's summary still fails.
    if [ "$status" -ne 0 ] && [ "${bad:-0}" -eq 0 ]; then bad=1; fi
    [ "${bad:-0}" -eq 0 ] || grep -E '^\[  FAILED  \]|Failure|error' "$log" | head -60
    count unit "${ok:-0}" "${bad:-0}"
}

# pg_regress before PostgreSQL 16 reads expected output only from
# <inputdir>/expected: stage an input folder whose sql/ (or specs/) is the
# test folder and whose expected/ is the project's top-level expected/.
stage() {  # stage NAME KIND SOURCE
    local folder="$WORK/$1-input"
    mkdir -p "$folder"
    ln -sfn "$NIAGA_ROOT/$3" "$folder/$2"
    ln -sfn "$NIAGA_ROOT/expected" "$folder/expected"
    echo "$folder"
}

# The tests of FOLDER (files ending in SUFFIX) that have an expected output.
# pg_regress stops the whole run at a test without one, so such a test is
# left out and counted as a failure of SUITE (listed in $WORK/SUITE.missing).
with_expected() {  # FOLDER SUFFIX SUITE
    local file name
    for file in "$NIAGA_ROOT/$1"/*"$2"; do
        [ -e "$file" ] || continue
        name=$(basename "$file" "$2")
        if [ -f "$NIAGA_ROOT/expected/$name.out" ]; then
            echo "$name"
        else
            echo "$3: no expected/$name.out for $1/$name$2" >&2
            echo "$name" >>"$WORK/$3.missing"
        fi
    done
}

# Counts "... ok" and "... FAILED" lines of pg_regress-style output.
count_regress_output() {  # SUITE LOG OUTDIR
    local ok bad
    ok=$(grep -cE '\.\.\. ok|^ok ' "$2" || true)
    bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok ' "$2" || true)
    if [ "$bad" -gt 0 ]; then
        grep -E 'FAILED|failed' "$2" || true
        [ -f "$3/regression.diffs" ] && head -150 "$3/regression.diffs"
    fi
    [ $((ok + bad)) -gt 0 ] || { cat "$2"; bad=1; }
    if [ -f "$WORK/$1.missing" ]; then bad=$((bad + $(wc -l <"$WORK/$1.missing"))); fi
    count "$1" "$ok" "$bad"
}

suite_regress() {
    say "regress: pg_regress"
    need_server
    local input tests=()
    input=$(stage regress sql test/regress)
    mapfile -t tests < <(with_expected test/regress .sql regress)
    "$PGXS_DIR/src/test/regress/pg_regress" --inputdir="$input" --outputdir="$WORK/regress" \
        --bindir="$PG_BIN" --dbname=niaga_regress --load-extension=niaga "${tests[@]}" >"$WORK/regress.log" 2>&1 || true
    count_regress_output regress "$WORK/regress.log" "$WORK/regress"
}

suite_isolation() {
    say "isolation: pg_isolation_regress"
    need_server
    local input specs=()
    input=$(stage isolation specs test/isolation)
    mapfile -t specs < <(with_expected test/isolation .spec isolation)
    "$PGXS_DIR/src/test/isolation/pg_isolation_regress" --inputdir="$input" --outputdir="$WORK/isolation" \
        --bindir="$PG_BIN" --dbname=niaga_isolation --load-extension=niaga "${specs[@]}" >"$WORK/isolation.log" 2>&1 || true
    count_regress_output isolation "$WORK/isolation.log" "$WORK/isolation"
}

suite_pgtap() {
    say "pgtap: pg_prove"
    need_server
    create_database niaga_tap pgtap
    local file log ok=0 bad=0 file_ok file_bad
    for file in "$NIAGA_ROOT"/test/pgtap/*.sql; do
        log="$WORK/pgtap-$(basename "$file" .sql).log"
        if pg_prove --verbose --dbname niaga_tap "$file" >"$log" 2>&1; then status=0; else status=1; fi
        file_ok=$(grep -cE '^ok [0-9]' "$log" || true)
        file_bad=$(grep -cE '^not ok [0-9]' "$log" || true)
        # A file that dies or misses its plan fails even without "not ok".
        if [ "$status" -ne 0 ] && [ "$file_bad" -eq 0 ]; then file_bad=1; fi
        if [ "$file_bad" -gt 0 ]; then
            echo "--- $(basename "$file")"
            grep -vE '^ok [0-9]' "$log" | head -60
        fi
        ok=$((ok + file_ok))
        bad=$((bad + file_bad))
    done
    count pgtap "$ok" "$bad"
}

# Each folder of test/pgbench is one race: setup.sql prepares a fresh
# database, pgbench runs script.sql from many clients at once (options in
# pgbench.options, e.g. "-c 16 -j 2 -t 20"), then every row check.sql
# returns is one assertion: "ok <what>" passes, anything else fails.
suite_pgbench() {
    say "pgbench: concurrent clients"
    need_server
    local race name ok=0 bad=0 options log line
    for race in "$NIAGA_ROOT"/test/pgbench/*/; do
        [ -d "$race" ] || continue
        name=$(basename "$race")
        log="$WORK/pgbench-$name.log"
        create_database "pgbench_$name"
        "${PSQL[@]}" -d "pgbench_$name" -f "$race/setup.sql" >"$log" 2>&1 \
            || { echo "--- $name: setup failed"; cat "$log"; bad=$((bad + 1)); continue; }
        read -r -a options <"$race/pgbench.options"
        if ! "$PG_BIN/pgbench" -n "${options[@]}" -f "$race/script.sql" "pgbench_$name" >>"$log" 2>&1; then
            echo "--- $name: pgbench reported errors"
            tail -20 "$log"
            bad=$((bad + 1))
        elif grep -qE '^number of failed transactions: [1-9]' "$log"; then
            # PostgreSQL 15's pgbench counts a deadlock or serialization
            # failure as a failed transaction and still exits 0.
            echo "--- $name: $(grep -E '^number of failed transactions' "$log")"
            grep -E 'deadlock|could not serialize' "$log" | head -5
            bad=$((bad + 1))
        fi
        while IFS= read -r line; do
            case "$line" in
                "ok "*) ok=$((ok + 1)) ;;
                *) echo "--- $name: $line"; bad=$((bad + 1)) ;;
            esac
        done < <("${PSQL[@]}" -d "pgbench_$name" -At -f "$race/check.sql" 2>&1)
    done
    count pgbench "$ok" "$bad"
}

# More suites live in scripts/suites/NN_name.sh, each defining suite_name;
# they run after the ones above, in the order of their file names.
for file in "$NIAGA_ROOT"/scripts/suites/*.sh; do
    # shellcheck source=/dev/null
    source "$file"
done

for suite in "${suites[@]}"; do "suite_$suite"; done

[ ${#failures[@]} -eq 0 ] || echo "failing suites: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
