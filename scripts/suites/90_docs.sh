# shellcheck shell=bash
# Suite "docs": the README's examples still hold. Every ```sql block of the
# README's "### Examples" section runs, in order, in one psql session on a
# fresh demo database; a block passes when what it prints (psql -At, columns
# joined by " | ", errors as their SQLSTATE) is exactly its annotations:
#   -- → TEXT      a line the statement above prints
#   -- ERROR CODE  the statement above fails with SQLSTATE CODE
# Sourced by scripts/test.sh, which provides count, need_server, PSQL, WORK,
# NIAGA_ROOT and the server helpers of scripts/common.sh.

# Writes the Examples section's sql blocks to folder $1 as 1.sql, 2.sql, ...
examples_blocks() {
    awk -v out="$1" '
        /^### Examples/ { inside = 1; next }
        inside && /^##/ { inside = 0 }
        inside && /^```sql/ { block++; writing = 1; next }
        writing && /^```/ { writing = 0; next }
        writing { print > (out "/" block ".sql") }
    ' "$NIAGA_ROOT/README.md"
}

suite_docs() {
    say "docs: the README's examples on the demo store"
    need_server
    create_database niaga_docs
    "${PSQL[@]}" -d niaga_docs -f "$NIAGA_ROOT/scripts/demo-data.sql" >/dev/null
    local folder="$WORK/docs" block script="$WORK/docs/all.sql" ok=0 bad=0 number
    mkdir -p "$folder"
    examples_blocks "$folder"
    : >"$script"
    for block in $(find "$folder" -name '[0-9]*.sql' | sort -V); do
        number=$(basename "$block" .sql)
        # Expected: the annotations, in order.
        sed -n -e 's/^-- → \{0,1\}//p' -e 's/^-- ERROR \([0-9A-Z]\{5\}\).*/ERROR:  \1/p' "$block" \
            >"$folder/$number.expected"
        printf '\\echo @@block %s\n' "$number" >>"$script"
        cat "$block" >>"$script"
    done
    [ -s "$script" ] || { echo "no examples found in README.md"; count docs 0 1; return; }
    "$PG_BIN/psql" -X -q -At -F ' | ' -v VERBOSITY=sqlstate -d niaga_docs -f "$script" >"$folder/output" 2>&1 || true
    sed -i 's/^psql:[^:]*:[0-9]*: //' "$folder/output"
    awk -v out="$folder" '/^@@block / { file = out "/" $2 ".actual"; printf "" > file; next } { print > file }' \
        "$folder/output"
    for block in $(find "$folder" -name '[0-9]*.expected' | sort -V); do
        number=$(basename "$block" .expected)
        if diff -u "$block" "$folder/$number.actual" >"$folder/$number.diff" 2>&1; then
            ok=$((ok + 1))
        else
            echo "--- README example block $number:"
            cat "$folder/$number.diff"
            bad=$((bad + 1))
        fi
    done
    count docs "$ok" "$bad"
}
