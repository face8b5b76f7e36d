using Mercato.Catalog.Search;

namespace Mercato.UnitTests.Catalog;

/// <summary>
/// The in-memory search against a product-by-product reference: random catalogs (sizes across word boundaries, postings in
/// any order, products reloaded or unpublished since the snapshot) and random queries (several words, completions, typo
/// neighbours, filters on features and on price, pages after a cursor).
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
            var sale = table.Intern(FacetFeatureKind.Tag, "sale");
            table.Currency("USD");
            Dictionary<string, byte> Terms() => Vocabulary.Where(_ => random.Next(3) == 0).ToDictionary(t => t, _ => (byte)random.Next(1, 9));
            int? late = null; // a tag interned after the snapshot: only products reloaded since can have it
            int[] Features() => [.. new[] { web, usd, sale, late ?? -1 }.Where(f => f >= 0 && random.Next(4) != 0)];

            var size = random.Next(0, 3) switch { 0 => random.Next(0, 70), 1 => random.Next(60, 200), _ => random.Next(120, 700) };
            var products = Enumerable.Range(0, size).Select(o => (Id: $"prod_{o:D5}", Terms: Terms(), Features: Features())).ToList();
            var amounts = products.Select(_ => (long)random.Next(50, 151)).ToArray();
            var view = View(random, products, table, o => amounts[o]);
            late = table.Intern(FacetFeatureKind.Tag, "late");
            var changes = new Dictionary<string, FacetProduct?>(StringComparer.Ordinal);
            FacetProduct Changed() => new(Features(), [0], [random.Next(50, 151)], Terms());
            for (var i = 0; i < random.Next(0, 6) && size > 0; i++)
                changes[products[random.Next(size)].Id] = random.Next(3) == 0 ? null : Changed();
            for (var i = 0; i < random.Next(0, 3); i++) changes[$"prod_new{i}"] = Changed();
            if (changes.Count > 0) view = view.With(changes, table);
            var current = products.Select((p, o) => (p.Id, p.Terms, p.Features, Amount: amounts[o])).Where(p => !changes.ContainsKey(p.Id))
                .Concat(changes.Where(c => c.Value is not null)
                    .Select(c => (Id: c.Key, Terms: (Dictionary<string, byte>)c.Value!.Terms, c.Value.Features, Amount: c.Value.PriceAmounts[0])))
                .ToList();

            for (var q = 0; q < 6; q++)
            {
                var query = Query(random);
                // No filter, or the channel and currency with a tag (known to the snapshot or interned after it) or a price range.
                var kind = random.Next(5);
                string[] tags = kind switch { 2 => ["sale"], 3 => ["late"], _ => [] };
                var (min, max) = kind == 4 ? ((long?)80, (long?)120) : (null, null);
                var filter = kind == 0 ? null : new FacetFilter(new FacetRequest("sc_web", "USD", null, null, tags, [], [], min, max, null, []), table);
                bool Passes((string Id, Dictionary<string, byte> Terms, int[] Features, long Amount) p) => kind == 0
                    || (p.Features.Contains(web) && p.Features.Contains(usd)
                        && (kind != 2 || p.Features.Contains(sale)) && (kind != 3 || p.Features.Contains(late.Value))
                        && (kind != 4 || p.Amount is >= 80 and <= 120));
                var expected = Reference(query, current.Where(Passes).Select(p => (p.Id, p.Terms)));
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

    internal static FacetView View(Random random, List<(string Id, Dictionary<string, byte> Terms, int[] Features)> products, FacetFeatureTable table,
        Func<int, long>? amount = null)
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
            PriceAmounts = [.. products.Select((_, o) => amount?.Invoke(o) ?? 100L)],
            Postings = postings.Build(),
            ProductTerms = [],
        };
        return FacetView.Of(rows, table);
    }
}
