using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using Mercato.Kernel.Money;
using Mercato.Kernel.Validation;

namespace Mercato.Catalog.Transfer;

/// <summary>
/// The CSV shape of products: one row per variant; the rows of one product are consecutive and share its handle.
/// Product columns are written on every row and read from the product's first row. See docs/imports.md.
/// </summary>
internal static class CsvProducts
{
    public const int MaxOptions = CatalogLimits.Options;

    public static readonly string[] ProductColumns =
        ["handle", "externalId", "title", "subtitle", "description", "status", "productType", "tags", "categories", "giftCard"];

    public static readonly string[] VariantColumns =
        ["variant.sku", "variant.externalId", "variant.title", "variant.barcode", "variant.weightGrams", "variant.manageInventory",
            "variant.allowBackorder"];

    public static string OptionName(int i) => $"option{i + 1}.name";

    public static string OptionValue(int i) => $"option{i + 1}.value";

    /// <summary>The header of an export: fixed columns, then option pairs, prices per currency and stock per location.</summary>
    public static List<string> Header(int options, IEnumerable<string> currencies, IEnumerable<string> locationKeys)
    {
        var header = new List<string>(ProductColumns);
        for (var i = 0; i < options; i++) header.AddRange([OptionName(i), OptionValue(i)]);
        header.AddRange(VariantColumns);
        header.AddRange(currencies.Select(c => "price." + c));
        header.AddRange(locationKeys.Select(k => "stock." + k));
        return header;
    }

    /// <summary>
    /// Reads products from a CSV stream, one group of rows at a time. Only the current group is held in memory.
    /// Rows up to <paramref name="skipRows"/> are read but not returned (a resumed job).
    /// </summary>
    public static async IAsyncEnumerable<ParsedProduct> ReadAsync(TextReader text, int skipRows, Action<RowError> fileError,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var settings = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            MissingFieldFound = null, HeaderValidated = null, DetectColumnCountChanges = false, TrimOptions = TrimOptions.None,
        };
        using var csv = new CsvReader(text, settings);
        string[] header;
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } h)
            {
                fileError(new RowError(0, "file", "The file has no header row."));
                yield break;
            }
            header = h;
        }
        catch (CsvHelperException e)
        {
            fileError(new RowError(0, "file", "Not a readable CSV file: " + FirstLine(e.Message)));
            yield break;
        }
        var columns = Columns.Parse(header, out var headerErrors);
        if (headerErrors.Count > 0)
        {
            foreach (var error in headerErrors) fileError(error);
            yield break;
        }

        var row = 0;
        var group = new List<(int Row, string?[] Cells)>();
        string? groupHandle = null;
        while (true)
        {
            string?[]? cells;
            try
            {
                cells = await csv.ReadAsync() ? csv.Parser.Record : null;
            }
            catch (CsvHelperException e)
            {
                fileError(new RowError(row + 1, "file", "Not a readable CSV row: " + FirstLine(e.Message)));
                yield break;
            }
            if (cells is null) break;
            row++;
            ct.ThrowIfCancellationRequested();
            if (row <= skipRows) continue;
            var handle = Clean(columns.Get(cells, columns.Handle));
            if (group.Count > 0 && (handle is null || !string.Equals(handle, groupHandle, StringComparison.OrdinalIgnoreCase)))
            {
                yield return ToProduct(columns, group);
                group.Clear();
            }
            groupHandle = handle;
            group.Add((row, cells));
            // A product without a handle is a group of its own, reported as such.
            if (handle is null)
            {
                yield return ToProduct(columns, group);
                group.Clear();
            }
        }
        if (group.Count > 0) yield return ToProduct(columns, group);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static ParsedProduct ToProduct(Columns c, List<(int Row, string?[] Cells)> rows)
    {
        var (firstRow, first) = rows[0];
        var errors = new List<RowError>();
        foreach (var (row, cells) in rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (NulCharacter.IsIn(cells[i])) errors.Add(new RowError(row, c.Name(i), NulCharacter.Message));
            }
        }
        string? Cell(string?[] cells, int index) => Clean(c.Get(cells, index));

        var options = new List<(string Name, List<string> Values)>();
        for (var i = 0; i < c.OptionNames.Count; i++)
        {
            var name = Cell(first, c.OptionNames[i]);
            if (string.IsNullOrWhiteSpace(name)) continue;
            options.Add((name.Trim(), []));
        }
        var variants = new List<VariantRecord>();
        var sources = new List<VariantSource>();
        foreach (var (row, cells) in rows)
        {
            var optionValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < c.OptionNames.Count; i++)
            {
                var name = Cell(first, c.OptionNames[i]);
                var value = Cell(cells, c.OptionValues[i]);
                if (string.IsNullOrWhiteSpace(name))
                {
                    if (!string.IsNullOrWhiteSpace(value)) errors.Add(new RowError(row, OptionValue(i), $"A value without a name in {OptionName(i)} on the product's first row."));
                    continue;
                }
                if (string.IsNullOrWhiteSpace(value)) { errors.Add(new RowError(row, OptionValue(i), "Required: the product has this option.")); continue; }
                var option = options.Find(o => o.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
                if (!option.Values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)) option.Values.Add(value.Trim());
                optionValues[name.Trim()] = value.Trim();
            }
            var prices = c.Prices.Count == 0 ? null : new List<MoneyDto>();
            foreach (var (currency, index) in c.Prices)
            {
                var text = Cell(cells, index);
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) prices!.Add(new MoneyDto(amount, currency));
                else errors.Add(new RowError(row, "price." + currency, "A whole number of minor units (cents), such as 1999."));
            }
            var stock = c.Stock.Count == 0 ? null : new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, index) in c.Stock)
            {
                var text = Cell(cells, index);
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var onHand)) stock![key] = onHand;
                else errors.Add(new RowError(row, "stock." + key, "A whole number of units, 0 or more."));
            }
            variants.Add(new VariantRecord(
                Cell(cells, c.Sku), Cell(cells, c.VariantExternalId), Cell(cells, c.VariantTitle), Cell(cells, c.Barcode),
                Int(cells, c.WeightGrams, row, "variant.weightGrams", errors),
                Bool(cells, c.ManageInventory, row, "variant.manageInventory", errors),
                Bool(cells, c.AllowBackorder, row, "variant.allowBackorder", errors),
                c.OptionNames.Count == 0 ? null : optionValues, prices, stock));
            sources.Add(new VariantSource(row, "variant.", "stock."));
        }
        var record = new ProductRecord(
            Cell(first, c.Handle), Cell(first, c.ExternalId), NonEmpty(Cell(first, c.Title)), Cell(first, c.Subtitle),
            Cell(first, c.Description), NonEmpty(Cell(first, c.Status)), Cell(first, c.ProductType),
            List(Cell(first, c.Tags)), List(Cell(first, c.Categories)),
            c.OptionNames.Count == 0 ? null : [.. options.Select(o => new OptionRecord(o.Name, o.Values))],
            variants, Bool(first, c.GiftCard, firstRow, "giftCard", errors));
        var product = new ParsedProduct { Record = record, Row = firstRow, LastRow = rows[^1].Row, Variants = sources };
        product.Errors.AddRange(errors);
        return product;
    }

    /// <summary>An empty cell of a column that cannot be cleared (title, status...) leaves the value as it is.</summary>
    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static List<string>? List(string? cell) =>
        cell is null ? null : [.. cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int? Int(string?[] cells, int index, int row, string field, List<RowError> errors)
    {
        var text = Clean(Columns.GetCell(cells, index));
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(new RowError(row, field, "A whole number, 0 or more."));
        return null;
    }

    private static bool? Bool(string?[] cells, int index, int row, string field, List<RowError> errors)
    {
        var text = Clean(Columns.GetCell(cells, index))?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (bool.TryParse(text, out var value)) return value;
        errors.Add(new RowError(row, field, "true or false."));
        return null;
    }

    /// <summary>Undoes the export's formula escaping: a leading ' before = + - @ tab or CR is dropped.</summary>
    public static string? Clean(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    /// <summary>Where each known column is (-1: absent); an absent column leaves that field of every product as it is.</summary>
    private sealed class Columns
    {
        public int Handle, ExternalId, Title, Subtitle, Description, Status, ProductType, Tags, Categories, GiftCard;
        public int Sku, VariantExternalId, VariantTitle, Barcode, WeightGrams, ManageInventory, AllowBackorder;
        public List<int> OptionNames { get; } = [];
        public List<int> OptionValues { get; } = [];
        public List<(string Currency, int Index)> Prices { get; } = [];
        public List<(string Key, int Index)> Stock { get; } = [];

        private string[] _names = [];

        public string? Get(string?[] cells, int index) => GetCell(cells, index);

        /// <summary>The header of the column at <paramref name="index"/>, for errors.</summary>
        public string Name(int index) => index < _names.Length ? _names[index] : $"column {index + 1}";

        public static string? GetCell(string?[] cells, int index) => index < 0 ? null : index < cells.Length ? cells[index] : "";

        public static Columns Parse(string[] header, out List<RowError> errors)
        {
            errors = [];
            var names = header.Select(h => Clean(h)?.Trim() ?? "").ToList();
            int Find(string name) => names.FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            var c = new Columns
            {
                Handle = Find("handle"), ExternalId = Find("externalId"), Title = Find("title"), Subtitle = Find("subtitle"),
                Description = Find("description"), Status = Find("status"), ProductType = Find("productType"), Tags = Find("tags"),
                Categories = Find("categories"), GiftCard = Find("giftCard"), Sku = Find("variant.sku"), VariantExternalId = Find("variant.externalId"),
                VariantTitle = Find("variant.title"), Barcode = Find("variant.barcode"), WeightGrams = Find("variant.weightGrams"),
                ManageInventory = Find("variant.manageInventory"), AllowBackorder = Find("variant.allowBackorder"),
                _names = [.. names],
            };
            for (var i = 0; i < MaxOptions; i++)
            {
                var (name, value) = (Find(OptionName(i)), Find(OptionValue(i)));
                if (name < 0 && value < 0) break;
                if (name < 0 || value < 0) errors.Add(new RowError(0, name < 0 ? OptionName(i) : OptionValue(i), "Option columns come in pairs (name and value)."));
                c.OptionNames.Add(name);
                c.OptionValues.Add(value);
            }
            var known = new HashSet<string>(ProductColumns.Concat(VariantColumns), StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < MaxOptions; i++) known.UnionWith([OptionName(i), OptionValue(i)]);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                if (!seen.Add(name)) errors.Add(new RowError(0, name, "This column appears more than once."));
                else if (name.StartsWith("price.", StringComparison.OrdinalIgnoreCase))
                {
                    if (Currency.TryParse(name[6..], out var currency)) c.Prices.Add((currency.Value.Code, i));
                    else errors.Add(new RowError(0, name, "Not a supported ISO 4217 currency code."));
                }
                else if (name.StartsWith("stock.", StringComparison.OrdinalIgnoreCase) && name.Length > 6) c.Stock.Add((name[6..], i));
                else if (!known.Contains(name)) errors.Add(new RowError(0, name, "Unknown column."));
            }
            if (c.Handle < 0) errors.Add(new RowError(0, "handle", "Required column: it groups the rows of a product."));
            if (c.Sku < 0) errors.Add(new RowError(0, "variant.sku", "Required column."));
            return c;
        }
    }
}
