using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Channels;

/// <summary>A place where the shop sells (web, mobile app, POS, marketplace), reached through its publishable keys.</summary>
internal sealed class SalesChannel : IVersioned
{
    private readonly List<PublishableKey> _keys = [];

    private SalesChannel()
    {
    }

    public SalesChannel(string name, string? description, bool isDefault, TimeProvider time)
    {
        Id = EntityId.New("sc", time);
        Name = name;
        Description = description;
        IsDefault = isDefault;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Products created without explicit channels are made available in the default channels.</summary>
    public bool IsDefault { get; set; }
    public bool IsDisabled { get; set; }
    /// <summary>Browser origins of the channel's storefronts, allowed by the Store API's CORS policy (normalised, at most 20).</summary>
    public List<string> AllowedOrigins { get; set; } = [];
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
    public IReadOnlyList<PublishableKey> Keys => _keys;

    public PublishableKey AddKey(string title, TimeProvider time)
    {
        var key = new PublishableKey(Id, title, time);
        _keys.Add(key);
        UpdatedAt = time.GetUtcNow();
        return key;
    }
}

/// <summary>A public key (<c>pk_...</c>) that storefronts embed; it identifies the channel, it grants no admin rights.</summary>
internal sealed class PublishableKey
{
    private PublishableKey()
    {
    }

    public PublishableKey(string salesChannelId, string title, TimeProvider time)
    {
        Id = EntityId.New("pkid", time);
        Token = EntityId.Secret("pk", 20);
        SalesChannelId = salesChannelId;
        Title = title;
        CreatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Token { get; private init; } = "";
    public string SalesChannelId { get; private init; } = "";
    public string Title { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class SalesChannelConfiguration : IEntityTypeConfiguration<SalesChannel>
{
    public void Configure(EntityTypeBuilder<SalesChannel> b)
    {
        b.ToTable("channels_sales_channel");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.HasMany(c => c.Keys).WithOne().HasForeignKey(k => k.SalesChannelId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Keys).HasField("_keys");
    }
}

internal sealed class PublishableKeyConfiguration : IEntityTypeConfiguration<PublishableKey>
{
    public void Configure(EntityTypeBuilder<PublishableKey> b)
    {
        b.ToTable("channels_publishable_key");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasMaxLength(40);
        b.Property(k => k.Token).HasMaxLength(64);
        b.HasIndex(k => k.Token).IsUnique();
        b.Property(k => k.SalesChannelId).HasMaxLength(40);
        b.Property(k => k.Title).HasMaxLength(200);
    }
}
