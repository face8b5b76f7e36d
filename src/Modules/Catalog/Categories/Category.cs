using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Catalog.Categories;

/// <summary>
/// A node of the category tree. <see cref="Path"/> is the chain of handles from the root (<c>men/shirts</c>): it gives
/// clean URLs and lets a filter take a category with all its descendants in one indexed prefix match.
/// </summary>
internal sealed class Category : IVersioned
{
    private Category()
    {
    }

    public Category(string name, string handle, TimeProvider time)
    {
        Id = EntityId.New("pcat", time);
        Name = name;
        Handle = handle;
        Path = handle;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    public string Handle { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The category's key in the merchant's ERP or PIM; unique among categories when set.</summary>
    public string? ExternalId { get; set; }
    public string? ParentId { get; set; }
    public string Path { get; set; } = "";
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("catalog_category");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(CatalogLimits.Title);
        b.Property(c => c.Handle).HasMaxLength(CatalogLimits.Handle);
        b.HasIndex(c => c.Handle).IsUnique();
        b.Property(c => c.Description).HasMaxLength(CatalogLimits.Description);
        b.Property(c => c.ExternalId).HasMaxLength(CatalogLimits.ExternalId);
        b.HasIndex(c => c.ExternalId).IsUnique();
        b.Property(c => c.ParentId).HasMaxLength(40);
        b.Property(c => c.Path).HasMaxLength(CatalogLimits.CategoryPath);
        b.HasIndex(c => c.Path);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
