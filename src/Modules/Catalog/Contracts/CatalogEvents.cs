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

    /// <summary>A category was created; the resource is the category.</summary>
    public const string CategoryCreated = "category.created";

    /// <summary>A category changed (name, handle, place in the tree, or its path when an ancestor moved).</summary>
    public const string CategoryUpdated = "category.updated";

    /// <summary>A category was deleted; the state is its last state.</summary>
    public const string CategoryDeleted = "category.deleted";

    /// <summary>A collection was created; the resource is the collection.</summary>
    public const string CollectionCreated = "collection.created";

    /// <summary>A collection changed.</summary>
    public const string CollectionUpdated = "collection.updated";

    /// <summary>A collection was deleted; the state is its last state.</summary>
    public const string CollectionDeleted = "collection.deleted";

    /// <summary>A price list was created; the resource is the list, the state is the list without its prices.</summary>
    public const string PriceListCreated = "price_list.created";

    /// <summary>A price list or its prices changed.</summary>
    public const string PriceListUpdated = "price_list.updated";

    /// <summary>A price list was deleted with its prices; the state is its last state.</summary>
    public const string PriceListDeleted = "price_list.deleted";
}
