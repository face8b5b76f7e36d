using Mercato.Catalog.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Catalog.Search;

/// <summary>One term of one published product, with the weight of the best field it appears in.</summary>
internal sealed class SearchPosting
{
    public string Term { get; init; } = "";
    public string ProductId { get; init; } = "";
    public int Weight { get; set; }
}

/// <summary>Field weights: a term weighs what its best field weighs in the product.</summary>
internal static class SearchWeights
{
    public const int Title = 16;
    public const int Sku = 12;
    public const int Tag = 8;
    public const int OptionValue = 4;
    public const int AttributeValue = 4;
    public const int Subtitle = 2;
    public const int ProductType = 2;
    public const int Description = 1;

    /// <summary>The postings of a product: none unless it is published (drafts never reach the index, nor suggestions).</summary>
    public static Dictionary<string, int> Of(Product product)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        if (product.Status != ProductStatus.Published) return terms;
        void Add(IEnumerable<string> found, int weight)
        {
            foreach (var term in found)
                terms[term] = Math.Max(weight, terms.GetValueOrDefault(term));
        }
        Add(SearchText.Tokenize(product.Title), Title);
        foreach (var variant in product.Variants)
        {
            Add(SearchText.SkuTerms(variant.Sku), Sku);
            foreach (var value in variant.OptionValues) Add(SearchText.Tokenize(value.Value), OptionValue);
        }
        foreach (var tag in product.Tags) Add(SearchText.Tokenize(tag.Value), Tag);
        foreach (var option in product.Options)
        {
            foreach (var value in option.Values) Add(SearchText.Tokenize(value), OptionValue);
        }
        foreach (var attribute in product.Attributes) Add(SearchText.Tokenize(attribute.Value), AttributeValue);
        Add(SearchText.Tokenize(product.Subtitle), Subtitle);
        Add(SearchText.Tokenize(product.ProductType), ProductType);
        Add(SearchText.Tokenize(product.Description), Description);
        return terms;
    }
}

internal sealed class SearchPostingConfiguration : IEntityTypeConfiguration<SearchPosting>
{
    public void Configure(EntityTypeBuilder<SearchPosting> b)
    {
        b.ToTable("catalog_search_postings");
        b.HasKey(p => new { p.Term, p.ProductId });
        b.Property(p => p.Term).HasMaxLength(SearchText.MaxTermLength);
        b.Property(p => p.ProductId).HasMaxLength(40);
        b.HasIndex(p => p.ProductId);
    }
}
