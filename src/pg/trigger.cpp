#include "pg/trigger.hpp"

#include "core/error.hpp"
#include "pg/guard.hpp"

#include <string>

namespace niaga::pg::trigger {

namespace {

int attribute_number(const TriggerData* data, const char* name) {
    const int number = call([&] { return SPI_fnumber(data->tg_relation->rd_att, name); });
    if (number <= 0)
        throw Error(sqlstate::kInternalError, std::string("trigger table has no column ") + name);
    return number;
}

}  // namespace

TriggerData* row_before(FunctionCallInfo fcinfo, const char* function_name) {
    if (!CALLED_AS_TRIGGER(fcinfo))
        throw Error(sqlstate::kTriggerProtocolViolated, std::string(function_name) + " must be called as a trigger");
    auto* data = reinterpret_cast<TriggerData*>(fcinfo->context);
    if (!TRIGGER_FIRED_BEFORE(data->tg_event) || !TRIGGER_FIRED_FOR_ROW(data->tg_event))
        throw Error(sqlstate::kTriggerProtocolViolated, std::string(function_name) + " must be a BEFORE ... FOR EACH ROW trigger");
    return data;
}

HeapTuple new_row(const TriggerData* data) {
    return TRIGGER_FIRED_BY_UPDATE(data->tg_event) ? data->tg_newtuple : data->tg_trigtuple;
}

std::optional<Datum> column(const TriggerData* data, HeapTuple row, const char* name) {
    const int number = attribute_number(data, name);
    bool is_null = false;
    const Datum value = call([&] { return heap_getattr(row, number, data->tg_relation->rd_att, &is_null); });
    if (is_null) return std::nullopt;
    return value;
}

HeapTuple with_column(const TriggerData* data, HeapTuple row, const char* name, Datum value) {
    int number = attribute_number(data, name);
    bool is_null = false;
    return call([&] {
        return heap_modify_tuple_by_cols(row, data->tg_relation->rd_att, 1, &number, &value, &is_null);
    });
}

const char* argument(const TriggerData* data, int index) {
    if (index >= data->tg_trigger->tgnargs)
        throw Error(sqlstate::kInternalError,
                    std::string("trigger ") + data->tg_trigger->tgname + " needs argument " + std::to_string(index + 1));
    return data->tg_trigger->tgargs[index];
}

}  // namespace niaga::pg::trigger
