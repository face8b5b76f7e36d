using Mercato.Catalog.Categories;
using Mercato.Catalog.Search;

namespace Mercato.UnitTests.Catalog;

/// <summary>
/// Facet counts from the inverted feature sets against the reference: a visit of every product, filter by filter. Random
/// catalogs (sizes across word boundaries, products reloaded or unpublished since the snapshot, hidden categories) and random
/// requests (every filter, disjunctive groups, price ranges, search hits).
/// </summary>
public class FacetCountTests
{
    private static readonly string[] Channels = ["sc_web", "sc_pos"];
    private static readonly string[] Currencies = ["USD", "EUR"];
    private static readonly string[] Tags = ["sale", "new", "eco"];
    private static readonly (string Group, string Key, string Label)[] Options =
        [("size", "size:s", "S"), ("size", "size:m", "M"), ("size", "size:l", "L"), ("colour", "colour:red", "Red"), ("colour", "colour:blue", "Blue")];
    private static readonly (string Key, string Value)[] Attributes =
        [("material", "cotton"), ("material", "wool"), ("brand", "north"), ("brand", "south"), ("fit", "slim")];
    private static readonly long[] Bounds = [1_000, 2_500, 5_000, 10_000];

    [Fact]
    public void Counts_from_the_feature_sets_equal_a_visit_of_every_product()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var (view, table, tree, ids) = Catalog(random);
            for (var i = 0; i < 8; i++)
            {
                var request = Request(random, tree, ids);
                var expected = view.Count(request, table, tree, bySets: false);
                var actual = view.Count(request, table, tree, bySets: true);
                var context = $"seed {seed}, request {i}";
                Assert.True(expected.Categories.OrderBy(c => c.Key).SequenceEqual(actual.Categories.OrderBy(c => c.Key)), context + ": categories");
                Assert.True(Sorted(expected.Options).SequenceEqual(Sorted(actual.Options)), context + ": options");
                Assert.True(Sorted(expected.Attributes).SequenceEqual(Sorted(actual.Attributes)), context + ": attributes");
                Assert.True(expected.PriceBuckets.SequenceEqual(actual.PriceBuckets), context + ": prices");
            }
        }
    }

    [Fact]
    public void A_product_counts_once_in_a_category_it_reaches_through_several_links_and_not_past_a_hidden_one()
    {
        var table = new FacetFeatureTable();
        var time = TimeProvider.System;
        var men = new Category("Men", "men", time);
        var shirts = new Category("Shirts", "shirts", time) { ParentId = men.Id, Path = "men/shirts" };
        var hidden = new Category("Hidden", "hidden", time) { IsActive = false };
        var inside = new Category("Inside", "inside", time) { ParentId = hidden.Id, Path = "hidden/inside" };
        var tree = StoreCategoryTree.Of([men, shirts, hidden, inside]);
        var channel = table.Intern(FacetFeatureKind.Channel, "sc_web");
        var usd = table.Intern(FacetFeatureKind.PricedIn, "USD");
        var currency = table.Currency("USD");
        int[] Linked(params Category[] categories) =>
            [.. new[] { channel, usd }.Concat(categories.Select(c => table.Intern(FacetFeatureKind.Category, c.Id))).Order()];
        var view = View(table, [Linked(men, shirts), Linked(shirts), Linked(inside), Linked()], [.. Enumerable.Repeat(new[] { (currency, 1500L) }, 4)]);

        var counts = view.Count(new FacetRequest("sc_web", "USD", null, null, [], [], [], null, null, null, Bounds), table, tree);

        Assert.Equal(2, counts.Categories[men.Id]);
        Assert.Equal(2, counts.Categories[shirts.Id]);
        Assert.DoesNotContain(hidden.Id, counts.Categories.Keys);
        Assert.DoesNotContain(inside.Id, counts.Categories.Keys);
        Assert.Equal([0, 4, 0, 0, 0], counts.PriceBuckets);
    }

    private static List<(string, string, int)> Sorted(List<(FacetFeature Feature, int Count)> values) =>
        [.. values.Select(v => (v.Feature.Key, v.Feature.Value, v.Count)).Order()];

    private static (FacetView View, FacetFeatureTable Table, StoreCategoryTree Tree, string[] Ids) Catalog(Random random)
    {
        var table = new FacetFeatureTable();
        var time = TimeProvider.System;
        var categories = new List<Category>();
        Category Add(string handle, Category? parent, bool active = true)
        {
            var category = new Category(handle, handle, time) { ParentId = parent?.Id, Path = parent is null ? handle : parent.Path + "/" + handle, IsActive = active };
            categories.Add(category);
            return category;
        }
        var men = Add("men", null);
        var shirts = Add("shirts", men);
        Add("polos", shirts);
        Add("shoes", men);
        var archive = Add("archive", null, active: random.Next(2) == 0);
        Add("old", archive);
        var tree = StoreCategoryTree.Of(categories);

        // Every feature a product may have, interned in a random order (ids do not follow kinds).
        var pool = new List<Func<int>>();
        pool.AddRange(Channels.Select(c => (Func<int>)(() => table.Intern(FacetFeatureKind.Channel, c))));
        pool.AddRange(Currencies.Select(c => (Func<int>)(() => table.Intern(FacetFeatureKind.PricedIn, c))));
        pool.AddRange(categories.Select(c => (Func<int>)(() => table.Intern(FacetFeatureKind.Category, c.Id))));
        pool.Add(() => table.Intern(FacetFeatureKind.Collection, "pcol_summer"));
        pool.AddRange(Tags.Select(t => (Func<int>)(() => table.Intern(FacetFeatureKind.Tag, t))));
        pool.AddRange(Options.Select(o => (Func<int>)(() => table.Intern(FacetFeatureKind.Option, o.Key, "", o.Group, o.Group, o.Label))));
        pool.AddRange(Attributes.Select(a => (Func<int>)(() => table.Intern(FacetFeatureKind.Attribute, a.Key, a.Value))));
        var featureIds = pool.OrderBy(_ => random.Next()).Select(intern => intern()).ToArray();
        var currencyIds = Currencies.Select(table.Currency).ToArray();

        // Most products are common (a feature often holds more than a 32nd of them: bitsets), some rare ones hold lists.
        (int[] Features, (int, long)[] Prices) Product()
        {
            var share = random.Next(2) == 0 ? 0.5 : 0.03;
            var features = featureIds.Where(_ => random.NextDouble() < share).Distinct().Order().ToArray();
            var prices = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => (currencyIds[random.Next(currencyIds.Length)], (long)random.Next(0, 12_000))).ToArray();
            return (features, prices);
        }
        var size = random.Next(0, 3) switch { 0 => random.Next(0, 70), 1 => random.Next(60, 200), _ => random.Next(120, 700) };
        var products = Enumerable.Range(0, size).Select(_ => Product()).ToList();
        var view = View(table, [.. products.Select(p => p.Features)], [.. products.Select(p => p.Prices)]);
        var ids = view.Snapshot.Ids;

        // Products changed since the snapshot: some reloaded with new features, some no longer published, some new.
        var changes = new Dictionary<string, FacetProduct?>(StringComparer.Ordinal);
        for (var i = 0; i < random.Next(0, 6) && size > 0; i++)
        {
            var id = ids[random.Next(size)];
            changes[id] = random.Next(3) == 0 ? null : AsProduct(Product());
        }
        for (var i = 0; i < random.Next(0, 3); i++) changes[$"prod_new{i}"] = AsProduct(Product());
        if (changes.Count > 0) view = view.With(changes, table);
        return (view, table, tree, [.. ids, .. changes.Keys.Where(k => k.StartsWith("prod_new", StringComparison.Ordinal))]);
    }

    private static FacetProduct AsProduct((int[] Features, (int Currency, long Amount)[] Prices) product) =>
        new(product.Features, [.. product.Prices.Select(p => p.Currency)], [.. product.Prices.Select(p => p.Amount)],
            new Dictionary<string, byte>());

    private static FacetView View(FacetFeatureTable table, int[][] features, (int Currency, long Amount)[][] prices)
    {
        var featureStart = new int[features.Length + 1];
        var priceStart = new int[features.Length + 1];
        for (var o = 0; o < features.Length; o++)
        {
            featureStart[o + 1] = featureStart[o] + features[o].Length;
            priceStart[o + 1] = priceStart[o] + prices[o].Length;
        }
        var rows = new FacetRows
        {
            Ids = [.. Enumerable.Range(0, features.Length).Select(o => $"prod_{o:D5}")],
            FeatureStart = featureStart,
            Features = [.. features.SelectMany(f => f)],
            PriceStart = priceStart,
            PriceCurrencies = [.. prices.SelectMany(p => p.Select(x => x.Currency))],
            PriceAmounts = [.. prices.SelectMany(p => p.Select(x => x.Amount))],
            Postings = new TermPostings.Builder().Build(),
            ProductTerms = [],
        };
        return FacetView.Of(rows, table);
    }

    private static FacetRequest Request(Random random, StoreCategoryTree tree, string[] ids)
    {
        T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];
        bool Often() => random.Next(3) == 0;
        var category = Often() && tree.Visible.Count > 0 ? Pick(tree.Visible) : null;
        // Unknown values too: a channel, tag, option or attribute no product has.
        var channel = random.Next(10) == 0 ? "sc_none" : Pick(Channels);
        var tags = Often() ? new[] { random.Next(5) == 0 ? "unknown" : Pick(Tags) } : [];
        var options = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(Options)).Select(o => (o.Group, o.Key))
            .Append(("size", "size:xxl")).Take(random.Next(10) == 0 ? 3 : random.Next(0, 3)).Distinct().ToList();
        var attributes = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(Attributes)).Distinct().ToList();
        long? min = Often() ? random.Next(0, 6_000) : null, max = Often() ? random.Next(3_000, 12_000) : null;
        var hits = random.Next(4) == 0 ? ids.Where(_ => random.Next(3) == 0).ToHashSet(StringComparer.Ordinal) : null;
        return new FacetRequest(channel, Pick(Currencies), category is null ? null : tree.SubtreeIds(category),
            Often() ? "pcol_summer" : null, tags, options, attributes, min, max, hits, Bounds);
    }
}
