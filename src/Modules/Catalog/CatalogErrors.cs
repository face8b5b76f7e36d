using Mercato.Kernel.Errors;

namespace Mercato.Catalog;

internal static class CatalogErrors
{
    public static Error HandleTaken(string handle) => Error.Conflict("handle_taken", $"The handle '{handle}' is already used.");

    public static Error SkuTaken(IEnumerable<string> skus) =>
        Error.Conflict("sku_taken", $"Already used by another variant: {string.Join(", ", skus)}.");

    public static Error ExternalIdTaken(string externalId) => ExternalIdTaken("product", externalId);

    /// <summary>External ids are unique per resource type (a product and a variant may share one).</summary>
    public static Error ExternalIdTaken(string resource, string externalId) =>
        Error.Conflict("external_id_taken", $"Another {resource} already has the external id '{externalId}'.");

    public static Error AttributeKeyTaken(string key) => Error.Conflict("attribute_key_taken", $"The attribute '{key}' already exists.");

    public static Error CategoryCycle() =>
        new("category_cycle", "A category cannot be moved under itself or one of its descendants.", 409);

    public static Error CategoryHasChildren(string id) =>
        Error.Conflict("category_has_children", $"The category '{id}' has subcategories; move or delete them first.");

    public static Error RegionNotFound(string id) =>
        new("region_not_found", $"No region with id '{id}'.", 400, new Dictionary<string, string[]> { ["region"] = ["Unknown region."] });

    public static Error NoRegion() =>
        new("region_required", "The shop has no region yet, so prices cannot be resolved.", 400);

    /// <summary>The same cap as on create, so the nested route cannot grow a product past it.</summary>
    public static Error VariantLimit() =>
        Error.Conflict("variant_limit", $"A product has at most {CatalogLimits.Variants} variants; this one is full.");

    public static Error LastVariant() =>
        Error.Conflict("last_variant", "A product keeps at least one variant; delete the product instead.");
}
