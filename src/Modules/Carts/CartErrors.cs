using Mercato.Kernel.Errors;

namespace Mercato.Carts;

internal static class CartErrors
{
    public static Error NotFound(string id) => Error.NotFound("cart", id);

    public static Error NoOpenCart() => new("not_found", "The customer has no open cart in this sales channel.", 404);

    public static Error LineNotFound(string id) => Error.NotFound("line item", id);

    public static Error Expired(string id) =>
        new("cart_expired", $"The cart '{id}' expired after a period without changes; start a new cart.", 410);

    public static Error Completed(string id) =>
        Error.Conflict("cart_completed", $"The cart '{id}' has been completed and can no longer change.");

    public static Error RegionNotFound(string id) => new("region_not_found", $"No region with id '{id}'.", 400,
        new Dictionary<string, string[]> { ["regionId"] = ["Unknown region."] });

    public static Error NoRegion() => new("region_required", "The shop has no region yet, so a cart cannot be priced.", 400);

    public static Error VariantUnavailable(string variantId) => new("variant_unavailable",
        $"The variant '{variantId}' is not sold in this sales channel.", 400,
        new Dictionary<string, string[]> { ["variantId"] = ["Not a variant of a published product of this sales channel."] });

    public static Error VariantNotPriced(string variantId, string currency) => new("variant_not_priced",
        $"The variant '{variantId}' has no price in {currency}.", 400,
        new Dictionary<string, string[]> { ["variantId"] = [$"No price in {currency}."] });

    public static Error InsufficientInventory(string sku, int available) => Error.Conflict("insufficient_inventory",
        $"Only {Math.Max(available, 0)} of '{sku}' can be sold now.");

    public static Error QuantityOutOfRange(int quantity, int max) => Error.Validation("quantity",
        $"A line holds 1 to {max} units (this change would make {quantity}).");

    public static Error LineLimit(int max) => Error.Conflict("cart_line_limit", $"A cart has at most {max} lines.");

    public static Error TooManyOpenCarts(int max) => Error.Conflict("too_many_open_carts",
        $"A customer has at most {max} open carts; complete or abandon one first.");

    public static Error CountryNotInRegion(string field, string country) => new("country_not_in_region",
        $"The cart's region does not ship to '{country}'.", 400,
        new Dictionary<string, string[]> { [field] = ["Not a country of the cart's region."] });

    public static Error ShippingOptionUnavailable(string optionId) => new("shipping_option_unavailable",
        $"The shipping option '{optionId}' does not apply to this cart.", 400,
        new Dictionary<string, string[]> { ["optionId"] = ["Not one of the cart's shipping options."] });

    /// <summary>One answer for every code that gives nothing, so it never tells whether a code exists.</summary>
    public static Error PromotionCodeInvalid() => Promotions.Contracts.PromotionProblems.CodeInvalid();

    public static Error TooManyCodes(int max) => Error.Conflict("too_many_promotion_codes", $"A cart holds at most {max} promotion codes.");

    public static Error Busy() => Error.Conflict("version_conflict", "The cart is being changed by other requests; retry.");
}
