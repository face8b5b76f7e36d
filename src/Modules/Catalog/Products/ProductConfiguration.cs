using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Catalog.Products;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("catalog_product");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(CatalogLimits.Title);
        b.Property(p => p.TitleSort).HasMaxLength(CatalogLimits.Title);
        b.Property(p => p.Subtitle).HasMaxLength(CatalogLimits.Title);
        b.Property(p => p.Handle).HasMaxLength(CatalogLimits.Handle);
        b.HasIndex(p => p.Handle).IsUnique();
        b.Property(p => p.Description).HasMaxLength(CatalogLimits.Description);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ProductType).HasMaxLength(100);
        b.Property(p => p.MetaTitle).HasMaxLength(CatalogLimits.MetaTitle);
        b.Property(p => p.MetaDescription).HasMaxLength(CatalogLimits.MetaDescription);
        b.Property(p => p.Metadata).HasMaxLength(CatalogLimits.MetadataChars);
        b.Property(p => p.ExternalId).HasMaxLength(CatalogLimits.ExternalId);
        b.HasIndex(p => p.ExternalId).IsUnique();
        b.Property(p => p.TaxClassId).HasMaxLength(40);
        // No index leads with the status: most products are published, and such an index tempts the planner into
        // sorting the whole catalog for a price-sorted page instead of walking the price summary's index.
        b.HasIndex(p => new { p.TitleSort, p.Id });
        b.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Media).WithOne().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Tags).WithOne().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Categories).WithOne().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Collections).WithOne().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Channels).WithOne().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Attributes).WithOne().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.PriceSummaries).WithOne().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductOptionConfiguration : IEntityTypeConfiguration<ProductOption>
{
    public void Configure(EntityTypeBuilder<ProductOption> b)
    {
        b.ToTable("catalog_product_option");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(40);
        b.Property(o => o.Name).HasMaxLength(CatalogLimits.OptionName);
        b.HasIndex(o => new { o.ProductId, o.Name }).IsUnique();
    }
}

internal sealed class VariantConfiguration : IEntityTypeConfiguration<Variant>
{
    public void Configure(EntityTypeBuilder<Variant> b)
    {
        b.ToTable("catalog_variant");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).HasMaxLength(40);
        b.Property(v => v.Sku).HasMaxLength(CatalogLimits.Sku);
        b.HasIndex(v => v.Sku).IsUnique();
        b.Property(v => v.Title).HasMaxLength(CatalogLimits.Title);
        b.Property(v => v.Barcode).HasMaxLength(64);
        b.Property(v => v.ExternalId).HasMaxLength(CatalogLimits.ExternalId);
        b.HasIndex(v => v.ExternalId).IsUnique();
        b.HasIndex(v => v.ProductId);
        b.HasMany(v => v.OptionValues).WithOne().HasForeignKey(o => o.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Prices).WithOne().HasForeignKey(p => p.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VariantOptionValueConfiguration : IEntityTypeConfiguration<VariantOptionValue>
{
    public void Configure(EntityTypeBuilder<VariantOptionValue> b)
    {
        b.ToTable("catalog_variant_option_value");
        b.HasKey(o => new { o.VariantId, o.OptionName });
        b.Property(o => o.OptionName).HasMaxLength(CatalogLimits.OptionName);
        b.Property(o => o.Value).HasMaxLength(CatalogLimits.OptionValue);
        b.Property(o => o.FilterKey).HasMaxLength(CatalogLimits.OptionName + CatalogLimits.OptionValue + 1);
        b.HasIndex(o => o.FilterKey);
    }
}

internal sealed class VariantPriceConfiguration : IEntityTypeConfiguration<VariantPrice>
{
    public void Configure(EntityTypeBuilder<VariantPrice> b)
    {
        b.ToTable("catalog_variant_price");
        b.HasKey(p => new { p.VariantId, p.CurrencyCode });
        b.Property(p => p.CurrencyCode).HasMaxLength(3);
        b.HasIndex(p => new { p.CurrencyCode, p.Amount });
    }
}

internal sealed class ProductMediaConfiguration : IEntityTypeConfiguration<ProductMedia>
{
    public void Configure(EntityTypeBuilder<ProductMedia> b)
    {
        b.ToTable("catalog_product_media");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasMaxLength(40);
        b.Property(m => m.Url).HasMaxLength(CatalogLimits.Url);
        b.Property(m => m.Alt).HasMaxLength(CatalogLimits.Alt);
        b.HasIndex(m => new { m.ProductId, m.Position });
    }
}

internal sealed class ProductTagConfiguration : IEntityTypeConfiguration<ProductTag>
{
    public void Configure(EntityTypeBuilder<ProductTag> b)
    {
        b.ToTable("catalog_product_tag");
        b.HasKey(t => new { t.ProductId, t.Value });
        b.Property(t => t.Value).HasMaxLength(CatalogLimits.Tag);
        b.HasIndex(t => new { t.Value, t.ProductId });
    }
}

internal sealed class ProductCategoryLinkConfiguration : IEntityTypeConfiguration<ProductCategoryLink>
{
    public void Configure(EntityTypeBuilder<ProductCategoryLink> b)
    {
        b.ToTable("catalog_product_category");
        b.HasKey(l => new { l.ProductId, l.CategoryId });
        b.HasIndex(l => new { l.CategoryId, l.ProductId });
        b.HasOne<Categories.Category>().WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductCollectionLinkConfiguration : IEntityTypeConfiguration<ProductCollectionLink>
{
    public void Configure(EntityTypeBuilder<ProductCollectionLink> b)
    {
        b.ToTable("catalog_product_collection");
        b.HasKey(l => new { l.ProductId, l.CollectionId });
        b.HasIndex(l => new { l.CollectionId, l.ProductId });
        b.HasOne<Collections.Collection>().WithMany().HasForeignKey(l => l.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductChannelLinkConfiguration : IEntityTypeConfiguration<ProductChannelLink>
{
    public void Configure(EntityTypeBuilder<ProductChannelLink> b)
    {
        b.ToTable("catalog_product_sales_channel");
        b.HasKey(l => new { l.ProductId, l.SalesChannelId });
        b.Property(l => l.SalesChannelId).HasMaxLength(40);
        b.HasIndex(l => new { l.SalesChannelId, l.ProductId });
    }
}

internal sealed class ProductAttributeValueConfiguration : IEntityTypeConfiguration<ProductAttributeValue>
{
    public void Configure(EntityTypeBuilder<ProductAttributeValue> b)
    {
        b.ToTable("catalog_product_attribute");
        b.HasKey(a => new { a.ProductId, a.Key });
        b.Property(a => a.Key).HasMaxLength(CatalogLimits.AttributeKey);
        b.Property(a => a.Value).HasMaxLength(CatalogLimits.AttributeText);
        b.HasIndex(a => new { a.Key, a.Value });
    }
}

internal sealed class ProductPriceSummaryConfiguration : IEntityTypeConfiguration<ProductPriceSummary>
{
    public void Configure(EntityTypeBuilder<ProductPriceSummary> b)
    {
        b.ToTable("catalog_product_price_summary");
        b.HasKey(s => new { s.ProductId, s.CurrencyCode });
        b.Property(s => s.CurrencyCode).HasMaxLength(3);
        b.HasIndex(s => new { s.CurrencyCode, s.MinAmount, s.ProductId });
        b.HasIndex(s => new { s.CurrencyCode, s.MaxAmount, s.ProductId });
    }
}
