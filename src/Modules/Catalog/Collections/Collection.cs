using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Catalog.Collections;

/// <summary>A curated list of products (Summer Essentials, Gifts under 50).</summary>
internal sealed class Collection : IVersioned
{
    private Collection()
    {
    }

    public Collection(string title, string handle, TimeProvider time)
    {
        Id = EntityId.New("pcol", time);
        Title = title;
        Handle = handle;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Title { get; set; } = "";
    public string Handle { get; set; } = "";
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> b)
    {
        b.ToTable("catalog_collection");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.Title).HasMaxLength(CatalogLimits.Title);
        b.Property(c => c.Handle).HasMaxLength(CatalogLimits.Handle);
        b.HasIndex(c => c.Handle).IsUnique();
        b.Property(c => c.Description).HasMaxLength(CatalogLimits.Description);
    }
}
