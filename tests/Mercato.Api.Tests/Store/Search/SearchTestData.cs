namespace Mercato.Api.Tests.Store.Search;

/// <summary>Words and products for the search tests: letters-only unique words, so typo rules apply and no other test matches.</summary>
public static class SearchTestData
{
    /// <summary>A unique 10-letter word (letters only: words with digits get no typo tolerance).</summary>
    public static string Word() => new([.. Guid.NewGuid().ToString("N")[..10].Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c)]);

    /// <summary>The word with its character at <paramref name="i"/> replaced by another letter.</summary>
    public static string Substitute(string word, int i) => word[..i] + (word[i] == 'z' ? 'y' : 'z') + word[(i + 1)..];

    /// <summary>Creates a published product (body tweaked by <paramref name="change"/>) and answers its handle.</summary>
    public static async Task<string> SearchProductAsync(this MercatoApp app, Action<Dictionary<string, object?>> change,
        string? handle = null, string[]? sizes = null, long usd = 1999)
    {
        var body = Given.ProductBody(handle: handle, usd: usd, sizes: sizes);
        change(body);
        var product = await app.Given.ProductAsync(body);
        // Ids are time-sortable: a millisecond apart, products tie-break in creation order on every database.
        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        return product.Str("handle");
    }

    public static Task<List<string>> SearchAsync(this MercatoApp app, string query) =>
        app.Store.ListHandlesAsync($"region={app.UsRegionId}&q={query}");
}
