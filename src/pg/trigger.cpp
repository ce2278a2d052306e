#include "pg/trigger.hpp"

#include "core/error.hpp"
#include "pg/guard.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace niaga::pg::trigger {

namespace {

[[noreturn]] void misattached(const std::string& message) { throw Error(sqlstate::kTriggerProtocolViolated, message); }

// The attribute number of column `name`, checked to be of `type`.
int attribute_number(const TriggerData* data, const char* name, Oid type) {
    TupleDesc descriptor = data->tg_relation->rd_att;
    const int number = call([&] { return SPI_fnumber(descriptor, name); });
    const std::string where =
        std::string("trigger ") + data->tg_trigger->tgname + " on table " + RelationGetRelationName(data->tg_relation);
    if (number <= 0) misattached(where + ": the table has no column " + name);
    const Oid actual = TupleDescAttr(descriptor, number - 1)->atttypid;
    const bool matches = type == TEXTOID ? actual == TEXTOID || actual == VARCHAROID : actual == type;
    if (!matches)
        misattached(where + ": column " + name + " has type " + call([&] { return format_type_be(actual); }) +
                    ", expected " + call([&] { return format_type_be(type); }));
    return number;
}

}  // namespace

TriggerData* expect(FunctionCallInfo fcinfo, const char* function_name, Timing timing, Level level, unsigned events) {
    if (!CALLED_AS_TRIGGER(fcinfo)) misattached(std::string(function_name) + " must be called as a trigger");
    auto* data = reinterpret_cast<TriggerData*>(fcinfo->context);
    const TriggerEvent event = data->tg_event;
    const bool timing_ok = timing == Timing::kBefore ? TRIGGER_FIRED_BEFORE(event) : TRIGGER_FIRED_AFTER(event);
    const bool level_ok = level == Level::kRow ? TRIGGER_FIRED_FOR_ROW(event) : TRIGGER_FIRED_FOR_STATEMENT(event);
    const bool event_ok = (TRIGGER_FIRED_BY_INSERT(event) && (events & kInsert)) ||
                          (TRIGGER_FIRED_BY_UPDATE(event) && (events & kUpdate)) ||
                          (TRIGGER_FIRED_BY_DELETE(event) && (events & kDelete));
    if (!timing_ok || !level_ok || !event_ok) {
        std::string wanted = timing == Timing::kBefore ? "BEFORE " : "AFTER ";
        std::string names;
        if (events & kInsert) names += "INSERT";
        if (events & kUpdate) names += names.empty() ? "UPDATE" : " OR UPDATE";
        if (events & kDelete) names += names.empty() ? "DELETE" : " OR DELETE";
        misattached(std::string(function_name) + " must be a " + wanted + names + " FOR EACH " +
                    (level == Level::kRow ? "ROW" : "STATEMENT") + " trigger");
    }
    return data;
}

HeapTuple new_row(const TriggerData* data) {
    return TRIGGER_FIRED_BY_UPDATE(data->tg_event) ? data->tg_newtuple : data->tg_trigtuple;
}

std::optional<Datum> column(const TriggerData* data, HeapTuple row, const char* name, Oid type) {
    const int number = attribute_number(data, name, type);
    bool is_null = false;
    const Datum value = call([&] { return heap_getattr(row, number, data->tg_relation->rd_att, &is_null); });
    if (is_null) return std::nullopt;
    return value;
}

Datum required_column(const TriggerData* data, HeapTuple row, const char* name, Oid type) {
    const std::optional<Datum> value = column(data, row, name, type);
    if (!value) misattached(std::string("trigger ") + data->tg_trigger->tgname + ": column " + name + " is NULL");
    return *value;
}

HeapTuple with_column(const TriggerData* data, HeapTuple row, const char* name, Oid type, Datum value) {
    int number = attribute_number(data, name, type);
    bool is_null = false;
    return call(
        [&] { return heap_modify_tuple_by_cols(row, data->tg_relation->rd_att, 1, &number, &value, &is_null); });
}

namespace {

// Appends the non-NULL values of column `number` (a uuid) of a transition
// table to `values`, each copied: the slot's memory is reused row by row.
void read_transition_uuids(TupleDesc descriptor, Tuplestorestate* table, int number, std::vector<Datum>& values) {
    // A read pointer of our own, as a transition-table scan takes one, so
    // other readers of the same table keep their position.
    TupleTableSlot* slot = call([&] { return MakeSingleTupleTableSlot(descriptor, &TTSOpsMinimalTuple); });
    const int pointer = call([&] { return tuplestore_alloc_read_pointer(table, EXEC_FLAG_REWIND); });
    call([&] {
        tuplestore_select_read_pointer(table, pointer);
        tuplestore_rescan(table);
    });
    for (;;) {
        bool is_null = false;
        Datum value = 0;
        const bool found = call([&] {
            tuplestore_select_read_pointer(table, pointer);
            if (!tuplestore_gettupleslot(table, true, false, slot)) return false;
            value = slot_getattr(slot, number, &is_null);
            if (!is_null) value = datumCopy(value, false, UUID_LEN);
            return true;
        });
        if (!found) break;
        if (!is_null) values.push_back(value);
    }
    call([&] { ExecDropSingleTupleTableSlot(slot); });
}

}  // namespace

std::vector<Datum> transition_uuids(const TriggerData* data, const char* name) {
    const int number = attribute_number(data, name, UUIDOID);
    std::vector<Datum> values;
    for (Tuplestorestate* table : {data->tg_newtable, data->tg_oldtable})
        if (table != nullptr) read_transition_uuids(data->tg_relation->rd_att, table, number, values);
    const auto compare = [](Datum a, Datum b) {
        return std::memcmp(DatumGetUUIDP(a)->data, DatumGetUUIDP(b)->data, UUID_LEN);
    };
    std::sort(values.begin(), values.end(), [&](Datum a, Datum b) { return compare(a, b) < 0; });
    values.erase(std::unique(values.begin(), values.end(), [&](Datum a, Datum b) { return compare(a, b) == 0; }),
                 values.end());
    return values;
}

const char* argument(const TriggerData* data, int index) {
    if (index >= data->tg_trigger->tgnargs)
        misattached(std::string("trigger ") + data->tg_trigger->tgname + " needs argument " +
                    std::to_string(index + 1));
    return data->tg_trigger->tgargs[index];
}

}  // namespace niaga::pg::trigger
