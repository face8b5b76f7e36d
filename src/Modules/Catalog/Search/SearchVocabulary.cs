using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Search;

/// <summary>
/// Writes the vocabulary with SQL that both databases run alike: new terms and their one-deletion neighbourhoods are
/// inserted idempotently (<c>ON CONFLICT DO NOTHING</c>, so concurrent writers never fail on a shared new term), and
/// product counts are recounted from the postings rather than incremented.
/// </summary>
internal static class SearchVocabulary
{
    private const int Chunk = 400;

    public static async Task RefreshAsync(DbContext db, IReadOnlyCollection<string> terms, CancellationToken ct)
    {
        foreach (var chunk in terms.Order(StringComparer.Ordinal).Chunk(Chunk))
        {
            var known = await db.Set<SearchTerm>().AsNoTracking().Where(t => chunk.Contains(t.Term)).Select(t => t.Term).ToListAsync(ct);
            var added = chunk.Except(known, StringComparer.Ordinal).ToList();
            await InsertTermsAsync(db, added, ct);
            await RecountAsync(db, chunk, ct);
        }
    }

    /// <summary>Adds terms with a zero count and their typo neighbourhoods; terms already there are left alone.</summary>
    public static async Task InsertTermsAsync(DbContext db, IReadOnlyList<string> terms, CancellationToken ct)
    {
        foreach (var chunk in terms.Chunk(Chunk))
            await InsertAsync(db, "catalog_search_terms (term, product_count)", "term", [.. chunk.Select(t => new[] { t })], ", 0", ct);
        await InsertDeletesAsync(db, terms, ct);
    }

    /// <summary>Adds the one-deletion neighbourhoods of the terms that take part in typo matching.</summary>
    public static async Task InsertDeletesAsync(DbContext db, IEnumerable<string> terms, CancellationToken ct)
    {
        var deletes = terms.Where(SearchText.HasTypoNeighbourhood)
            .SelectMany(t => SearchText.Deletes(t).Select(variant => new[] { variant, t })).ToList();
        foreach (var chunk in deletes.Chunk(Chunk))
            await InsertAsync(db, "catalog_search_term_deletes (variant, term)", "variant, term", chunk, "", ct);
    }


    /// <summary>Sets each term's count to the number of products that have it (zero-count terms are kept, and ignored by reads).</summary>
    public static Task RecountAsync(DbContext db, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var placeholders = string.Join(", ", terms.Select((_, i) => $"{{{i}}}"));
#pragma warning disable EF1003 // Only numbered placeholders are concatenated; the terms travel as parameters.
        return db.Database.ExecuteSqlRawAsync(
            "UPDATE catalog_search_terms SET product_count = (SELECT COUNT(*) FROM catalog_search_postings p " +
            $"WHERE p.term = catalog_search_terms.term) WHERE term IN ({placeholders})", terms.Cast<object>(), ct);
#pragma warning restore EF1003
    }

    private static Task InsertAsync(DbContext db, string into, string key, IReadOnlyList<string[]> rows, string constants, CancellationToken ct)
    {
        var sql = new StringBuilder($"INSERT INTO {into} VALUES ");
        var values = new List<object>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Append('(').AppendJoin(", ", rows[i].Select(v => { values.Add(v); return $"{{{values.Count - 1}}}"; })).Append(constants).Append(')');
        }
        sql.Append(" ON CONFLICT (").Append(key).Append(") DO NOTHING");
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
    }
}
