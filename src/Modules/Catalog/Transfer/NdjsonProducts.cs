using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Mercato.Kernel.Validation;

namespace Mercato.Catalog.Transfer;

/// <summary>The NDJSON shape of products: one <see cref="ProductRecord"/> per line, with the Admin API's JSON settings.</summary>
internal static class NdjsonProducts
{
    /// <summary>Reads one product per line; blank lines are skipped. Lines up to <paramref name="skipRows"/> are not parsed.</summary>
    public static async IAsyncEnumerable<ParsedProduct> ReadAsync(TextReader text, int skipRows, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var row = 0;
        while (await text.ReadLineAsync(ct) is { } line)
        {
            row++;
            if (row <= skipRows || string.IsNullOrWhiteSpace(line)) continue;
            ProductRecord? record = null;
            string? error = null, field = null;
            try
            {
                record = JsonSerializer.Deserialize<ProductRecord>(line, json);
                if (record is null) (field, error) = ("", "Each line is a JSON object.");
                else if (line.Contains("\\u0000", StringComparison.OrdinalIgnoreCase) && NulCharacter.IsInJson(Encoding.UTF8.GetBytes(line)))
                    (field, error) = ("", NulCharacter.Message);
            }
            catch (JsonException e)
            {
                field = e.Path is null or "$" ? "" : e.Path.TrimStart('$').TrimStart('.');
                error = "Not a valid product: " + e.Message.Split(" Path:")[0];
            }
            var variants = (record?.Variants ?? []).Select((_, i) => new VariantSource(row, $"variants[{i}].", $"variants[{i}].stock.")).ToList();
            var product = new ParsedProduct
            {
                Record = record ?? new ProductRecord(null, null, null, null, null, null, null, null, null, null, null),
                Row = row, LastRow = row, Variants = variants,
            };
            if (error is not null) product.Errors.Add(new RowError(row, field!, error));
            yield return product;
        }
    }
}
