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

/// <summary>The vocabulary: every term of a published product, with how many published products have it.</summary>
internal sealed class SearchTerm
{
    public string Term { get; init; } = "";
    public int ProductCount { get; set; }
}

/// <summary>A term with one character deleted, pointing back at the term: typo candidates by one indexed lookup.</summary>
internal sealed class SearchTermDelete
{
    public string Variant { get; init; } = "";
    public string Term { get; init; } = "";
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

internal sealed class SearchTermConfiguration : IEntityTypeConfiguration<SearchTerm>
{
    public void Configure(EntityTypeBuilder<SearchTerm> b)
    {
        b.ToTable("catalog_search_terms");
        b.HasKey(t => t.Term);
        b.Property(t => t.Term).HasMaxLength(SearchText.MaxTermLength);
    }
}

internal sealed class SearchTermDeleteConfiguration : IEntityTypeConfiguration<SearchTermDelete>
{
    public void Configure(EntityTypeBuilder<SearchTermDelete> b)
    {
        b.ToTable("catalog_search_term_deletes");
        b.HasKey(d => new { d.Variant, d.Term });
        b.Property(d => d.Variant).HasMaxLength(SearchText.MaxTypoLength);
        b.Property(d => d.Term).HasMaxLength(SearchText.MaxTypoLength);
    }
}
