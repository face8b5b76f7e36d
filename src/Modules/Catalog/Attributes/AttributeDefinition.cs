using System.Globalization;
using System.Text.Json;
using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Catalog.Attributes;

internal enum AttributeType
{
    Text,
    Number,
    Boolean,
    Enum,
}

/// <summary>Declares a product attribute (material, capacity...) and its type, so values can be checked and filtered.</summary>
internal sealed class AttributeDefinition : IVersioned
{
    private AttributeDefinition()
    {
    }

    public AttributeDefinition(string key, string name, AttributeType type, TimeProvider time)
    {
        Id = EntityId.New("attr", time);
        Key = key;
        Name = name;
        Type = type;
        CreatedAt = UpdatedAt = time.GetUtcNow();
    }

    public string Id { get; private init; } = "";
    public string Key { get; private init; } = "";
    public string Name { get; set; } = "";
    public AttributeType Type { get; private init; }
    /// <summary>The allowed values of an enum attribute.</summary>
    public List<string> Values { get; set; } = [];
    public bool Filterable { get; set; } = true;
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The canonical text form of a JSON value of this attribute, or null when the value has the wrong type.</summary>
    public (string Text, double? Number)? Canonical(JsonElement value) => (Type, value.ValueKind) switch
    {
        (AttributeType.Text, JsonValueKind.String) when value.GetString() is { Length: <= CatalogLimits.AttributeText } text
            && !text.Contains('\0', StringComparison.Ordinal) => (text, null),
        (AttributeType.Enum, JsonValueKind.String) when Values.Contains(value.GetString()!) => (value.GetString()!, null),
        (AttributeType.Boolean, JsonValueKind.True) => ("true", null),
        (AttributeType.Boolean, JsonValueKind.False) => ("false", null),
        (AttributeType.Number, JsonValueKind.Number) when value.TryGetDouble(out var n) && double.IsFinite(n) =>
            (n.ToString("R", CultureInfo.InvariantCulture), n),
        _ => null,
    };

    /// <summary>
    /// A filter value from a URL in the stored text form, so <c>material:Linen</c>, <c>organic:TRUE</c> and
    /// <c>capacityMl:350.0</c> find what was saved as <c>linen</c>, <c>true</c> and <c>350</c>. Text stays as given.
    /// </summary>
    public string CanonicalFilterValue(string value) => Type switch
    {
        AttributeType.Enum => Values.Contains(value) ? value
            : Values.Find(v => v.Equals(value, StringComparison.OrdinalIgnoreCase)) ?? value,
        AttributeType.Boolean when bool.TryParse(value, out var flag) => flag ? "true" : "false",
        AttributeType.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) =>
            n.ToString("R", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>The stored text form back as JSON of the attribute's type.</summary>
    public static object? ToJsonValue(AttributeType type, string text, double? number) => type switch
    {
        AttributeType.Boolean => text == "true",
        AttributeType.Number => number,
        _ => text,
    };
}

internal sealed class AttributeDefinitionConfiguration : IEntityTypeConfiguration<AttributeDefinition>
{
    public void Configure(EntityTypeBuilder<AttributeDefinition> b)
    {
        b.ToTable("catalog_attribute");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(40);
        b.Property(a => a.Key).HasMaxLength(CatalogLimits.AttributeKey);
        b.HasIndex(a => a.Key).IsUnique();
        b.Property(a => a.Name).HasMaxLength(CatalogLimits.Title);
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
    }
}
