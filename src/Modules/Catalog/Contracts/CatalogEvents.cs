namespace Mercato.Catalog.Contracts;

/// <summary>Event types the Catalog module raises (see <c>GET /admin/events</c>); the state is the Admin API's response.</summary>
public static class CatalogEvents
{
    /// <summary>A product was created; the resource is the product.</summary>
    public const string ProductCreated = "product.created";

    /// <summary>A product or one of its variants changed; the resource is the product.</summary>
    public const string ProductUpdated = "product.updated";

    /// <summary>A product was deleted; the state is its last state.</summary>
    public const string ProductDeleted = "product.deleted";

    /// <summary>A variant's prices changed (or it was created with prices); the resource is the variant.</summary>
    public const string VariantPriceChanged = "variant.price_changed";
}
