using Mercato.Kernel.Money;
using Mercato.Kernel.Validation;

namespace Mercato.Catalog.Transfer;

/// <summary>
/// One product of an import or export file: an NDJSON line as written and read, and what a group of CSV rows becomes.
/// Absent (null) fields leave the product's value as it is; an empty string clears a clearable text field, an empty
/// list clears tags or categories. Categories are named by handle; stock is on-hand per location (external id or id).
/// </summary>
internal sealed record ProductRecord(
    string? Handle,
    string? ExternalId,
    string? Title,
    string? Subtitle,
    string? Description,
    string? Status,
    string? ProductType,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<OptionRecord>? Options,
    IReadOnlyList<VariantRecord>? Variants,
    bool? GiftCard = null);

internal sealed record OptionRecord(string Name, IReadOnlyList<string> Values);

internal sealed record VariantRecord(
    string? Sku,
    string? ExternalId,
    string? Title,
    string? Barcode,
    int? WeightGrams,
    bool? ManageInventory,
    bool? AllowBackorder,
    IReadOnlyDictionary<string, string>? Options,
    IReadOnlyList<MoneyDto>? Prices,
    IReadOnlyDictionary<string, int>? Stock);

/// <summary>
/// A problem with one row of a file; <see cref="Row"/> 0 is the file itself (its header, its encoding). Field and message
/// can quote the file (a column or property name), so a NUL in them is written out as <c>\u0000</c>: stored as such it would
/// be refused by PostgreSQL and leave the import running.
/// </summary>
internal sealed record RowError(int Row, string Field, string Message)
{
    public string Field { get; init; } = NulCharacter.Escape(Field);

    public string Message { get; init; } = NulCharacter.Escape(Message);
}

/// <summary>
/// A product read from a file, with the row each part came from (for error reports) and the field path prefix of each
/// variant (<c>variant.</c> in CSV, <c>variants[1].</c> in NDJSON). <see cref="Errors"/> non-empty: the product is not imported.
/// </summary>
internal sealed class ParsedProduct
{
    public required ProductRecord Record { get; init; }
    public required int Row { get; init; }
    /// <summary>The last row of the product: progress is saved up to it.</summary>
    public required int LastRow { get; init; }
    /// <summary>Where each variant of <see cref="Record"/> came from, in the same order.</summary>
    public required IReadOnlyList<VariantSource> Variants { get; init; }
    public List<RowError> Errors { get; } = [];
}

/// <summary>
/// A variant's row and the prefixes of its fields in error reports: <c>variant.</c> and <c>stock.</c> in CSV,
/// <c>variants[1].</c> and <c>variants[1].stock.</c> in NDJSON.
/// </summary>
internal sealed record VariantSource(int Row, string Path, string StockPath);
