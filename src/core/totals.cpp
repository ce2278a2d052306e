#include "core/cpp_only.hpp"  // first: core must stay free of PostgreSQL headers
#include "core/totals.hpp"

#include "core/error.hpp"

#include <string>

namespace niaga {

Money line_total(const PricedLine& line) {
    if (line.quantity <= 0)
        throw Error(sqlstate::kInvalidParameterValue,
                    "quantity must be greater than 0, got " + std::to_string(line.quantity));
    line.unit_price.require_non_negative("unit_price");
    return line.unit_price.times(line.quantity).require_column_range("line total_price");
}

Money subtotal_of(const std::vector<PricedLine>& lines) {
    Money subtotal;
    for (const PricedLine& line : lines) subtotal += line_total(line);
    return subtotal.require_column_range("subtotal");
}

Money tax_on(Money discounted_subtotal, Money shipping, const TaxTerms& tax) {
    const Money taxable = tax.applies_to_shipping ? discounted_subtotal + shipping : discounted_subtotal;
    return taxable.percent(tax.rate);
}

Totals compute_totals(const std::vector<PricedLine>& lines, const PricingTerms& terms) {
    Totals totals;
    totals.subtotal = subtotal_of(lines);

    if (terms.coupon) totals.discount = coupon_discount_on(*terms.coupon, totals.subtotal);
    const Money discounted = totals.subtotal - totals.discount;

    if (terms.shipping) {
        const auto& threshold = terms.shipping->free_shipping_threshold;
        totals.shipping = threshold && discounted >= *threshold ? Money() : terms.shipping->base_cost;
    }
    totals.shipping.require_column_range("shipping_cost");

    if (terms.tax) totals.tax = tax_on(discounted, totals.shipping, *terms.tax);
    totals.tax.require_column_range("tax_amount");

    totals.total = discounted + totals.shipping + totals.tax;
    totals.total.require_column_range("total");
    return totals;
}

Money cash_rounding(Money amount) {
    amount.require_non_negative("cash amount").require_column_range("cash amount");
    // Nearest multiple of 5 sen; a last digit never sits exactly halfway.
    const int64_t sen = amount.sen();
    const int64_t remainder = sen % 5;
    return Money::from_sen(remainder <= 2 ? sen - remainder : sen + (5 - remainder))
        .require_column_range("cash-rounded amount");
}

}  // namespace niaga
