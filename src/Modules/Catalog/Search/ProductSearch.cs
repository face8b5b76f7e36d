using Mercato.Kernel.Persistence;

namespace Mercato.Catalog.Search;

/// <summary>A product that matches every word of a query, with the parts of its rank (see <see cref="IProductSearch"/>).</summary>
internal sealed class SearchHit
{
    public string ProductId { get; init; } = "";
    /// <summary>Typos summed over the words (each word counts its best match).</summary>
    public long Typos { get; init; }
    /// <summary>How many words matched only as a prefix (the last word, typed so far).</summary>
    public long Prefixes { get; init; }
    /// <summary>Summed field weights of the best matching term of each word.</summary>
    public long Score { get; init; }
    /// <summary>
    /// The cheapest variant price in the filter's currency, when the engine knows it (every hit of an unranked search with a
    /// filter, in the built-in engine): a search sorted by price is then sorted and paged without the database.
    /// </summary>
    public long? MinPrice { get; init; }

    /// <summary>Best first: fewer typos, fewer prefix-only words, higher score, then product id (ordinal).</summary>
    public static readonly Comparison<SearchHit> ByRank = (a, b) =>
    {
        var c = a.Typos.CompareTo(b.Typos);
        if (c == 0) c = a.Prefixes.CompareTo(b.Prefixes);
        if (c == 0) c = b.Score.CompareTo(a.Score);
        return c != 0 ? c : string.CompareOrdinal(a.ProductId, b.ProductId);
    };

}

/// <summary>One query word's acceptable terms: the word itself, completions of the last word, and typo neighbours.</summary>
internal sealed record SearchCandidate(string Term, int Word, int Typos, int Prefix);

/// <summary>A parsed query: its words and the terms each word may match.</summary>
internal sealed record SearchQuery(IReadOnlyList<string> Words, IReadOnlyList<SearchCandidate> Candidates);

/// <summary>
/// Product search behind one seam, so that an external engine can replace the built-in index. Every word of the query must
/// match (exactly, as a prefix for the last word, or within the typo budget); hits rank by fewer typos, then fewer prefix-only
/// words, then higher summed field weights, then product id.
/// </summary>
internal interface IProductSearch
{
    /// <summary>Resolves the words of <paramref name="q"/> to index terms; null when it holds no letter or digit.</summary>
    Task<SearchQuery?> PrepareAsync(string q, CancellationToken ct);

    /// <summary>
    /// The published products that match a prepared query and pass <paramref name="filter"/> (every store filter of the
    /// request; null for none). With a <paramref name="limit"/>, the best that many ranked after <paramref name="after"/>
    /// (a page), best first; without, every hit in no particular order, with its <see cref="SearchHit.MinPrice"/> when the
    /// engine knows it.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, FacetRequest? filter, SearchHit? after, int? limit, CancellationToken ct);

    /// <summary>Terms that start with <paramref name="prefix"/>, with how many published products have each, most used first.</summary>
    Task<IReadOnlyList<(string Term, int Count)>> CompleteAsync(string prefix, int limit, CancellationToken ct);
}

/// <summary>
/// The built-in engine (docs/decisions/0006-portable-search-index.md): the vocabulary (completions, typo neighbours) and the
/// postings both come from this node's in-memory view in <see cref="CatalogFacetIndex"/>, which holds them beside the facet
/// data, so that a query is resolved, matched, filtered and ranked without SQL.
/// </summary>
internal sealed class IndexedProductSearch(MercatoDb db, CatalogFacetIndex index) : IProductSearch
{
    public const int MaxWords = 10;
    /// <summary>Completions of the last word that take part in a query (the most used ones, so "sh" still finds shirts in a big vocabulary).</summary>
    private const int MaxPrefixTerms = 64;
    /// <summary>Typo neighbours kept per word: nearest first, then the most used, then term order.</summary>
    private const int MaxTypoTerms = 10;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, FacetRequest? filter, SearchHit? after, int? limit,
        CancellationToken ct)
    {
        var view = await index.CurrentAsync(db, ct);
        return view.Search(query, filter is null ? null : new FacetFilter(filter, index.Table), after, limit);
    }

    public async Task<SearchQuery?> PrepareAsync(string q, CancellationToken ct)
    {
        var words = SearchText.Tokenize(q);
        if (words.Count == 0) return null;
        var view = await index.CurrentAsync(db, ct);
        var candidates = new List<SearchCandidate>();
        for (var i = 0; i < words.Count; i++) candidates.Add(new SearchCandidate(words[i], i, 0, 0));

        var last = words[^1];
        if (last.Length >= 2)
            candidates.AddRange(view.MostUsed(last, withPrefix: false, MaxPrefixTerms).Select(t => new SearchCandidate(t.Term, words.Count - 1, 0, 1)));

        var typoWords = words.Select((w, i) => (Word: w, Index: i)).Where(x => SearchText.MaxTypos(x.Word) > 0 && !x.Word.Any(char.IsDigit)).ToList();
        if (typoWords.Count > 0)
        {
            var shorter = typoWords.SelectMany(x => SearchText.Deletes(x.Word)).Distinct().ToList();
            var found = view.TypoCandidates(shorter.Concat(typoWords.Select(x => x.Word)).Distinct(), shorter);
            foreach (var (word, index) in typoWords)
            {
                var max = SearchText.MaxTypos(word);
                var near = found.Select(f => (Term: f.Key, Count: f.Value, Distance: SearchText.Distance(word, f.Key, max)))
                    .Where(f => f.Distance >= 1 && f.Distance <= max)
                    .OrderBy(f => f.Distance).ThenByDescending(f => f.Count).ThenBy(f => f.Term, StringComparer.Ordinal)
                    .Take(MaxTypoTerms);
                candidates.AddRange(near.Select(f => new SearchCandidate(f.Term, index, f.Distance, 0)));
            }
        }
        return new SearchQuery(words, candidates);
    }

    public async Task<IReadOnlyList<(string Term, int Count)>> CompleteAsync(string prefix, int limit, CancellationToken ct)
    {
        var view = await index.CurrentAsync(db, ct);
        return view.MostUsed(prefix, withPrefix: true, limit);
    }
}
