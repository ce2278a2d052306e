#include "pg/arrays.hpp"

#include "core/error.hpp"
#include "pg/guard.hpp"

#include <memory>

extern "C" {
#include "utils/array.h"
}

namespace niaga::pg {

std::vector<int64_t> integers_from_array(Datum array) {
    ArrayType* detoasted = call([&] { return DatumGetArrayTypeP(array); });
    const Oid element_type = ARR_ELEMTYPE(detoasted);
    int16 width;
    bool by_value;
    char align;
    Datum* elements = nullptr;
    bool* nulls = nullptr;
    int count = 0;
    call([&] {
        get_typlenbyvalalign(element_type, &width, &by_value, &align);
        deconstruct_array(detoasted, element_type, width, by_value, align, &elements, &nulls, &count);
    });
    std::vector<int64_t> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (nulls[i]) throw Error(sqlstate::kInvalidParameterValue, "array of integers holds a NULL");
        switch (element_type) {
            case INT2OID:
                out.push_back(DatumGetInt16(elements[i]));
                break;
            case INT4OID:
                out.push_back(DatumGetInt32(elements[i]));
                break;
            case INT8OID:
                out.push_back(DatumGetInt64(elements[i]));
                break;
            default:
                throw Error(sqlstate::kInternalError, "expected an array of integers");
        }
    }
    return out;
}

Datum int8_array(const std::vector<int64_t>& values) {
    std::vector<Datum> datums;
    datums.reserve(values.size());
    for (int64_t value : values) datums.push_back(Int64GetDatum(value));
    return datum_array(datums, INT8OID);
}

Datum datum_array(const std::vector<Datum>& values, Oid element_type) {
    return call([&] {
        int16 width;
        bool by_value;
        char align;
        get_typlenbyvalalign(element_type, &width, &by_value, &align);
        return PointerGetDatum(construct_array(const_cast<Datum*>(values.data()), static_cast<int>(values.size()),
                                               element_type, width, by_value, align));
    });
}

Datum datum_array_with_nulls(const std::vector<Datum>& values, const std::vector<bool>& nulls, Oid element_type) {
    std::unique_ptr<bool[]> flags(new bool[values.size() + 1]);
    for (size_t i = 0; i < values.size(); ++i) flags[i] = nulls[i];
    int dimensions[] = {static_cast<int>(values.size())};
    int lower_bounds[] = {1};
    return call([&] {
        int16 width;
        bool by_value;
        char align;
        get_typlenbyvalalign(element_type, &width, &by_value, &align);
        return PointerGetDatum(construct_md_array(const_cast<Datum*>(values.data()), flags.get(), 1, dimensions,
                                                  lower_bounds, element_type, width, by_value, align));
    });
}

}  // namespace niaga::pg
