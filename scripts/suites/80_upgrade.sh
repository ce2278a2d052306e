# shellcheck shell=bash
# Suite "upgrade": every released version, updated with ALTER EXTENSION niaga
# UPDATE, equals a fresh install of the current version, and keeps its data.
# Sourced by scripts/test.sh, which provides count, need_server, PSQL, WORK,
# NIAGA_ROOT and the server helpers of scripts/common.sh; `checksums` (every
# table's row count and checksum, every sequence's state) comes from
# scripts/suites/50_dump.sh.
#
# For each frozen install script sql/released/niaga--V.sql:
#   old: CREATE EXTENSION niaga VERSION 'V' (so every C symbol that V's
#        script names must still be in today's niaga.so), the demo store,
#        three orders placed, paid, delivered (agent commissions accrued);
#        then ALTER EXTENSION niaga UPDATE;
#   new: CREATE EXTENSION niaga (the current version), empty.
# and checks: the version reached; the same extension member objects
# (pg_describe_object of pg_depend deptype 'e'); the same definitions of all
# of them (pg_dump --schema-only --binary-upgrade, which writes out every
# member object, its privileges, initial privileges, policies and comments,
# with object ids and transaction ids stripped); the same tables registered
# for pg_dump (extconfig, extcondition); the data unchanged by the update;
# the invariants hold and a checkout still works afterwards.

# The current version: niaga.control's default_version.
current_version() {
    sed -n "s/^default_version = '\(.*\)'/\1/p" "$NIAGA_ROOT/niaga.control"
}

# Every member object of the extension in database $1, described.
extension_members() {  # DATABASE
    "${PSQL[@]}" -d "$1" -At <<'SQL'
SELECT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid)
FROM pg_catalog.pg_depend AS d
WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'niaga')
  AND d.deptype = 'e'
ORDER BY 1;
SQL
}

# The tables and sequences registered with pg_extension_config_dump, by name.
extension_config() {  # DATABASE
    "${PSQL[@]}" -d "$1" -At <<'SQL'
SELECT c.relid::regclass || ' ' || coalesce(c.condition, '')
FROM pg_catalog.pg_extension AS e,
     unnest(e.extconfig, coalesce(e.extcondition, array_fill(''::text, ARRAY[cardinality(e.extconfig)])))
         AS c (relid, condition)
WHERE e.extname = 'niaga'
ORDER BY 1;
SQL
}

# Every object's definition as pg_upgrade would recreate it, without the
# lines that carry object ids, relfilenodes, transaction ids, sequence
# positions (data) or pg_dump's random \restrict key. The order of grants
# within an access list means nothing (a grant added by an update comes
# last), so each run of GRANT lines is sorted.
extension_definitions() {  # DATABASE
    "$PG_BIN/pg_dump" --schema-only --binary-upgrade -d "$1" 2>/dev/null \
        | sed -E -e '/^--/d' -e '/^$/d' -e '/^\\(un)?restrict /d' \
            -e '/binary_upgrade_set_next_/d' -e '/^SELECT pg_catalog.setval\(/d' \
            -e '/^UPDATE pg_catalog.pg_class$/,/^WHERE oid = /d' \
            -e "s/(binary_upgrade_create_empty_extension\('niaga', 'public', false, '[^']*', )'\{[0-9,]*\}'/\1'{…}'/" \
        | awk '/^GRANT / { if (!n++) fflush(); print | "sort"; next }
               { if (n) { close("sort"); n = 0 } print }'
}

# SQL run on the old version before the update: the demo store and three
# orders through their whole life, so that orders, lines, history, payments,
# movements, coupon usages and commissions hold rows.
UPGRADE_ACTIVITY_SQL="
SELECT sales.record_payment(o.id, 'online_banking', 'upgrade-test', 'UPG-' || o.order_number, o.total, 'completed')
FROM sales.orders AS o;
SELECT sales.set_order_status(id, 'processing') FROM sales.orders;
SELECT sales.set_order_status(id, 'packed') FROM sales.orders;
SELECT sales.ship_order(id, 'EP-UPG') FROM sales.orders;
SELECT sales.set_order_status(id, 'delivered') FROM sales.orders;"

suite_upgrade() {
    local current released version ok=0 bad=0 old new folder="$WORK/upgrade"
    current=$(current_version)
    say "upgrade: every released version updated to $current equals a fresh $current"
    need_server
    mkdir -p "$folder"
    for released in "$NIAGA_ROOT"/sql/released/niaga--*.sql; do
        version=$(basename "$released" .sql)
        version=${version#niaga--}
        [ "$version" != "$current" ] || continue
        old="niaga_from_${version//./_}"
        new="niaga_fresh"
        PGOPTIONS='-c client_min_messages=warning' "${PSQL[@]}" -d postgres \
            -c "DROP DATABASE IF EXISTS $old" -c "CREATE DATABASE $old" \
            -c "DROP DATABASE IF EXISTS $new" -c "CREATE DATABASE $new"
        # Install the old version, fill it, update it; a fresh current one.
        if ! { "${PSQL[@]}" -d "$old" -c "CREATE EXTENSION niaga VERSION '$version'" \
            && "${PSQL[@]}" -d "$old" -f "$NIAGA_ROOT/scripts/demo-data.sql" \
            && place_demo_orders "$old" 3 \
            && "${PSQL[@]}" -d "$old" -c "$UPGRADE_ACTIVITY_SQL" \
            && checksums "$old" >"$folder/$version.data-before" \
            && "${PSQL[@]}" -d "$old" -c "ALTER EXTENSION niaga UPDATE" \
            && "${PSQL[@]}" -d "$new" -c "CREATE EXTENSION niaga"; } >"$folder/$version.log" 2>&1; then
            echo "--- $version: installing it with the demo store, updating it or a fresh install failed"
            cat "$folder/$version.log"
            bad=$((bad + 1))
            continue
        fi
        checksums "$old" >"$folder/$version.data-after"

        local -A check=()
        check[version]=$("${PSQL[@]}" -d "$old" -Atc "SELECT extversion FROM pg_extension WHERE extname = 'niaga'")
        [ "${check[version]}" = "$current" ] \
            || echo "--- $version: the update reached version ${check[version]}, not $current"
        local what
        for what in members config definitions; do
            "extension_$what" "$old" >"$folder/$version.$what-updated"
            "extension_$what" "$new" >"$folder/$version.$what-fresh"
            if [ -s "$folder/$version.$what-fresh" ] \
                && cmp -s "$folder/$version.$what-updated" "$folder/$version.$what-fresh"; then
                check[$what]=same
            else
                echo "--- $version → $current: $what differ (< updated, > fresh)"
                { diff "$folder/$version.$what-updated" "$folder/$version.$what-fresh" || true; } | head -40
            fi
        done
        if cmp -s "$folder/$version.data-before" "$folder/$version.data-after" \
            && grep -q '^sales.orders 3 ' "$folder/$version.data-after"; then
            check[data]=kept
        else
            echo "--- $version: the update changed the data (< before, > after)"
            { diff "$folder/$version.data-before" "$folder/$version.data-after" || true; } | head -20
        fi
        # After the update the rules still run: invariants, one more checkout.
        check[invariants]=$("${PSQL[@]}" -d "$old" -Atc "SELECT count(*) FROM niaga.check_invariants()")
        check[checkout]=$(place_demo_orders "$old" 1 2>&1)

        local passed_here=0
        [ "${check[version]}" = "$current" ] && passed_here=$((passed_here + 1))
        for what in members config definitions; do
            [ "${check[$what]:-}" = same ] && passed_here=$((passed_here + 1))
        done
        [ "${check[data]:-}" = kept ] && passed_here=$((passed_here + 1))
        if [ "${check[invariants]}" = 0 ]; then
            passed_here=$((passed_here + 1))
        else
            echo "--- $version: invariants broken after the update"
            "${PSQL[@]}" -d "$old" -c "SELECT * FROM niaga.check_invariants() LIMIT 10"
        fi
        if [[ "${check[checkout]}" =~ ^ORD-[0-9]{8}-0*4$ ]]; then
            passed_here=$((passed_here + 1))
        else
            echo "--- $version: a checkout after the update gave: ${check[checkout]}"
        fi
        ok=$((ok + passed_here))
        bad=$((bad + 7 - passed_here))
        unset check
    done
    [ $((ok + bad)) -gt 0 ] || { echo "--- no released version in sql/released/"; bad=1; }
    count upgrade "$ok" "$bad"
}
