#include "pg/trigger.hpp"

#include "core/error.hpp"
#include "pg/guard.hpp"

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

const char* argument(const TriggerData* data, int index) {
    if (index >= data->tg_trigger->tgnargs)
        misattached(std::string("trigger ") + data->tg_trigger->tgname + " needs argument " +
                    std::to_string(index + 1));
    return data->tg_trigger->tgargs[index];
}

}  // namespace niaga::pg::trigger
