namespace Mercato.Catalog;

/// <summary>Size limits of catalog fields, shared by validation and the database schema.</summary>
internal static class CatalogLimits
{
    public const int Title = 200;
    public const int Handle = 200;
    /// <summary>A category's chain of handles (<c>men/shirts</c>): about ten levels of the longest handles.</summary>
    public const int CategoryPath = 2000;
    public const int Description = 20_000;
    public const int MetaTitle = 120;
    public const int MetaDescription = 320;
    public const int MetadataChars = 16_384;
    public const int Sku = 64;
    public const int ExternalId = 200;
    public const int OptionName = 50;
    public const int OptionValue = 100;
    public const int Options = 5;
    public const int OptionValues = 100;
    public const int Variants = 250;
    public const int Media = 50;
    public const int Url = 2048;
    public const int Alt = 300;
    public const int Tag = 64;
    public const int Tags = 50;
    public const int Links = 50;
    public const int AttributeKey = 64;
    public const int AttributeText = 500;
    public const int Attributes = 50;
}
