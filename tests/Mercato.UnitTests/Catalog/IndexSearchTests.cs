using Mercato.Catalog.Search;

namespace Mercato.UnitTests.Catalog;

/// <summary>
/// The in-memory search against a product-by-product reference: random catalogs (sizes across word boundaries, postings in
/// any order, products reloaded or unpublished since the snapshot) and random queries (several words, completions, typo
/// neighbours, a filter, pages after a cursor).
/// </summary>
public class IndexSearchTests
{
    private static readonly string[] Vocabulary = ["navy", "jacket", "jackets", "shirt", "shirts", "linen", "wool", "blue", "navvy", "jaket"];

    [Fact]
    public void Hits_and_their_ranks_equal_a_match_of_every_product()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var table = new FacetFeatureTable();
            var web = table.Intern(FacetFeatureKind.Channel, "sc_web");
            var usd = table.Intern(FacetFeatureKind.PricedIn, "USD");
            table.Currency("USD");
            Dictionary<string, byte> Terms() => Vocabulary.Where(_ => random.Next(3) == 0).ToDictionary(t => t, _ => (byte)random.Next(1, 9));
            int[] Features() => random.Next(4) == 0 ? [usd] : [web, usd];

            var size = random.Next(0, 3) switch { 0 => random.Next(0, 70), 1 => random.Next(60, 200), _ => random.Next(120, 700) };
            var products = Enumerable.Range(0, size).Select(o => (Id: $"prod_{o:D5}", Terms: Terms(), Features: Features())).ToList();
            var view = View(random, products, table);
            var changes = new Dictionary<string, FacetProduct?>(StringComparer.Ordinal);
            for (var i = 0; i < random.Next(0, 6) && size > 0; i++)
                changes[products[random.Next(size)].Id] = random.Next(3) == 0 ? null : new FacetProduct(Features(), [0], [100], Terms());
            for (var i = 0; i < random.Next(0, 3); i++) changes[$"prod_new{i}"] = new FacetProduct(Features(), [0], [100], Terms());
            if (changes.Count > 0) view = view.With(changes, table);
            var current = products.Where(p => !changes.ContainsKey(p.Id)).Select(p => (p.Id, p.Terms, p.Features))
                .Concat(changes.Where(c => c.Value is not null).Select(c => (Id: c.Key, Terms: (Dictionary<string, byte>)c.Value!.Terms, c.Value.Features)))
                .ToList();

            for (var q = 0; q < 6; q++)
            {
                var query = Query(random);
                var filtered = random.Next(2) == 0;
                var filter = filtered ? new FacetFilter(new FacetRequest("sc_web", "USD", null, null, [], [], [], null, null, null, []), table) : null;
                var expected = Reference(query, current.Where(p => !filtered || p.Features.Contains(web)).Select(p => (p.Id, p.Terms)));
                var context = $"seed {seed}, query {q}";

                var every = view.Search(query, filter);
                Assert.True(expected.Select(Key).Order().SequenceEqual(every.Select(Key).Order()), context + ": every hit");

                var after = expected.Count > 2 && random.Next(2) == 0 ? expected[random.Next(expected.Count)] : null;
                var limit = random.Next(0, 6);
                var page = view.Search(query, filter, after, limit);
                var expectedPage = expected.Where(h => after is null || SearchHit.ByRank(h, after) > 0).Take(limit).Select(Key);
                Assert.True(expectedPage.SequenceEqual(page.Select(Key)), context + ": page");
            }
        }
    }

    private static (string, long, long, long) Key(SearchHit h) => (h.ProductId, h.Typos, h.Prefixes, h.Score);

    /// <summary>Every product whose terms match each word; a word's match takes its lowest typos, lowest prefix flag and highest weight.</summary>
    private static List<SearchHit> Reference(SearchQuery query, IEnumerable<(string Id, Dictionary<string, byte> Terms)> products)
    {
        var hits = new List<SearchHit>();
        foreach (var (id, terms) in products)
        {
            var matches = Enumerable.Range(0, query.Words.Count)
                .Select(w => query.Candidates.Where(c => c.Word == w && terms.ContainsKey(c.Term)).ToList()).ToList();
            if (matches.Any(m => m.Count == 0)) continue;
            hits.Add(new SearchHit
            {
                ProductId = id, Typos = matches.Sum(m => m.Min(c => c.Typos)), Prefixes = matches.Sum(m => m.Min(c => c.Prefix)),
                Score = matches.Sum(m => m.Max(c => (long)terms[c.Term])),
            });
        }
        hits.Sort(SearchHit.ByRank);
        return hits;
    }

    private static SearchQuery Query(Random random)
    {
        var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
        var candidates = words.Select((w, i) => new SearchCandidate(w, i, 0, 0)).ToList();
        // Completions of the last word and typo neighbours, sometimes a term no product has.
        for (var i = 0; i < random.Next(0, 5); i++)
            candidates.Add(new SearchCandidate(random.Next(6) == 0 ? "unknown" : Vocabulary[random.Next(Vocabulary.Length)], random.Next(words.Count),
                random.Next(0, 3), random.Next(0, 2)));
        return new SearchQuery(words, candidates);
    }

    private static FacetView View(Random random, List<(string Id, Dictionary<string, byte> Terms, int[] Features)> products, FacetFeatureTable table)
    {
        var postings = new TermPostings.Builder();
        foreach (var (ordinal, term, weight) in products.SelectMany((p, o) => p.Terms.Select(t => (o, t.Key, t.Value))).OrderBy(_ => random.Next()))
            postings.Add(term, ordinal, weight);
        var featureStart = new int[products.Count + 1];
        for (var o = 0; o < products.Count; o++) featureStart[o + 1] = featureStart[o] + products[o].Features.Length;
        var rows = new FacetRows
        {
            Ids = [.. products.Select(p => p.Id)],
            FeatureStart = featureStart,
            Features = [.. products.SelectMany(p => p.Features)],
            PriceStart = [.. Enumerable.Range(0, products.Count + 1)],
            PriceCurrencies = [.. products.Select(_ => 0)],
            PriceAmounts = [.. products.Select(_ => 100L)],
            Postings = postings.Build(),
            ProductTerms = [],
        };
        return FacetView.Of(rows, table);
    }
}
