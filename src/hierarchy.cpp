// niaga.reject_hierarchy_cycle(parent_column, what): keeps a self-referencing
// hierarchy acyclic (catalog.categories, agent.agents; NG030).
#include "core/hierarchy.hpp"
#include "pg/convert.hpp"
#include "pg/guard.hpp"
#include "pg/spi.hpp"
#include "pg/trigger.hpp"

#include <memory>
#include <string>
#include <unordered_map>

namespace pg = niaga::pg;

namespace {

// Advisory-lock class for hierarchy changes; the second key is the table.
constexpr int32 kHierarchyLockClass = 0x6e676130;  // "nga0"

// "SELECT parent FROM table WHERE id = $1 FOR SHARE", prepared once per
// table. FOR SHARE makes a REPEATABLE READ transaction fail with a
// serialization error rather than miss a concurrent re-parenting.
const pg::spi::Statement& parent_lookup(const TriggerData* data, const char* parent_column) {
    static std::unordered_map<Oid, std::unique_ptr<pg::spi::Statement>> statements;
    const Oid table = RelationGetRelid(data->tg_relation);
    auto found = statements.find(table);
    if (found != statements.end()) return *found->second;
    const char* qualified = pg::call([&] {
        return quote_qualified_identifier(get_namespace_name(RelationGetNamespace(data->tg_relation)),
                                          RelationGetRelationName(data->tg_relation));
    });
    const char* column = pg::call([&] { return quote_identifier(parent_column); });
    std::string sql = std::string("SELECT ") + column + " FROM " + qualified + " WHERE id = $1 FOR SHARE";
    auto statement = std::make_unique<pg::spi::Statement>(std::move(sql), std::initializer_list<Oid>{UUIDOID});
    return *statements.emplace(table, std::move(statement)).first->second;
}

}  // namespace

// BEFORE INSERT OR UPDATE OF <parent> FOR EACH ROW.
NIAGA_FUNCTION(niaga_reject_hierarchy_cycle) {
    TriggerData* data = pg::trigger::expect(fcinfo, "niaga.reject_hierarchy_cycle", pg::trigger::Timing::kBefore,
                                            pg::trigger::Level::kRow, pg::trigger::kInsert | pg::trigger::kUpdate);
    const char* parent_column = pg::trigger::argument(data, 0);
    const char* what = pg::trigger::argument(data, 1);
    HeapTuple row = pg::trigger::new_row(data);
    const std::optional<Datum> parent = pg::trigger::column(data, row, parent_column, UUIDOID);
    if (!parent) return PointerGetDatum(row);

    const niaga::Uuid node = pg::uuid_from_datum(pg::trigger::required_column(data, row, "id", UUIDOID));
    const niaga::Uuid new_parent = pg::uuid_from_datum(*parent);
    if (TRIGGER_FIRED_BY_UPDATE(data->tg_event)) {
        const std::optional<Datum> old_parent = pg::trigger::column(data, data->tg_trigtuple, parent_column, UUIDOID);
        if (old_parent && pg::uuid_from_datum(*old_parent) == new_parent) return PointerGetDatum(row);
    }

    // One re-parenting per hierarchy at a time: two concurrent moves could
    // each be acyclic alone and form a cycle together.
    const Oid table = RelationGetRelid(data->tg_relation);
    pg::call([&] {
        DirectFunctionCall2(pg_advisory_xact_lock_int4, Int32GetDatum(kHierarchyLockClass),
                            Int32GetDatum(static_cast<int32>(table)));
    });

    pg::spi::Connection spi;
    const pg::spi::Statement& lookup = parent_lookup(data, parent_column);
    niaga::reject_hierarchy_cycle(what, node, new_parent, [&](const niaga::Uuid& id) -> std::optional<niaga::Uuid> {
        const Datum argument = pg::datum_from_uuid(id);
        if (lookup.execute(&argument, nullptr, 1) == 0) return std::nullopt;
        const std::optional<Datum> up = pg::spi::value(0, 1);
        if (!up) return std::nullopt;
        return pg::uuid_from_datum(*up);
    });
    spi.finish();
    return PointerGetDatum(row);
}
