using System.Collections.Concurrent;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Search;

internal enum FacetFeatureKind
{
    Channel,
    Category,
    Collection,
    Tag,
    Option,
    Attribute,
    PricedIn,
}

/// <summary>
/// Something a published product has that a filter or a facet asks about: a channel, a category or collection link, a tag, an
/// option value (by filter key), an attribute value, a price summary in a currency.
/// </summary>
/// <remarks>An option value is known by its filter key; <see cref="Name"/> and <see cref="Label"/> are the option's name and the
/// value as first seen, <see cref="Group"/> the lower-cased name its filters are grouped by.</remarks>
internal sealed record FacetFeature(FacetFeatureKind Kind, string Key, string Value = "", string Name = "", string Group = "", string Label = "");

/// <summary>
/// Features interned to small integers, shared by every view of the index. It only grows; a view reads entries below the
/// count it was published with, from the array it captured, so readers need no lock.
/// </summary>
internal sealed class FacetFeatureTable
{
    private readonly ConcurrentDictionary<(FacetFeatureKind, string, string), int> _ids = new();
    private readonly ConcurrentDictionary<string, int> _currencies = new(StringComparer.Ordinal);
    private volatile FacetFeature[] _items = new FacetFeature[256];
    private int _count;

    public FacetFeature[] Items => _items;
    public int Count => Volatile.Read(ref _count);

    /// <summary>Called by one writer at a time (under the index's gate); readers look features up concurrently.</summary>
    public int Intern(FacetFeatureKind kind, string key, string value = "", string name = "", string group = "", string label = "")
    {
        if (_ids.TryGetValue((kind, key, value), out var id)) return id;
        if (_count == _items.Length)
        {
            var grown = new FacetFeature[_items.Length * 2];
            Array.Copy(_items, grown, _count);
            _items = grown;
        }
        _items[_count] = new FacetFeature(kind, key, value, name, group, label);
        _ids[(kind, key, value)] = _count;
        return Interlocked.Increment(ref _count) - 1;
    }

    public int? Find(FacetFeatureKind kind, string key, string value = "") => _ids.TryGetValue((kind, key, value), out var id) ? id : null;

    public int Currency(string code)
    {
        if (_currencies.TryGetValue(code, out var id)) return id;
        return _currencies[code] = _currencies.Count; // one writer at a time, like Intern
    }

    public int? FindCurrency(string code) => _currencies.TryGetValue(code, out var id) ? id : null;
}

/// <summary>
/// The facet and search data of one product: its features, its variants' prices (currency id, amount) and its search terms
/// with their field weights.
/// </summary>
internal sealed record FacetProduct(int[] Features, int[] PriceCurrencies, long[] PriceAmounts, IReadOnlyDictionary<string, byte> Terms);

/// <summary>
/// The facet data of published products, loaded in a few streaming queries: features as one sorted, de-duplicated run per
/// product, prices likewise (compressed rows, so 100,000 products take a few megabytes).
/// </summary>
internal sealed class FacetRows
{
    /// <summary>The products by ordinal, in the ids' ordinal order: comparing two ordinals compares their ids.</summary>
    public required string[] Ids { get; init; }
    public required int[] FeatureStart { get; init; }
    public required int[] Features { get; init; }
    public required int[] PriceStart { get; init; }
    public required int[] PriceCurrencies { get; init; }
    public required long[] PriceAmounts { get; init; }
    /// <summary>The search postings by term (a full load; empty for a reload of some products).</summary>
    public required TermPostings Postings { get; init; }
    /// <summary>Each product's terms (a reload of some products; empty for a full load).</summary>
    public required Dictionary<string, byte>[] ProductTerms { get; init; }

    private FeatureSets? _sets;

    /// <summary>
    /// The features inverted, built on first use (a reload of some products never needs them; a full load builds them before
    /// its view is published, so requests do not race to build them).
    /// </summary>
    public FeatureSets Sets => _sets ??= FeatureSets.Of(this);

    public FacetProduct Product(int ordinal)
    {
        var (from, to) = (PriceStart[ordinal], PriceStart[ordinal + 1]);
        return new FacetProduct(Features[FeatureStart[ordinal]..FeatureStart[ordinal + 1]], PriceCurrencies[from..to], PriceAmounts[from..to],
            ProductTerms[ordinal]);
    }

    private static bool IsInOrdinalOrder(string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (string.CompareOrdinal(ids[i - 1], ids[i]) > 0) return false;
        }
        return true;
    }

    /// <summary>Loads every published product, or only those of <paramref name="only"/> (the ones not published are left out).</summary>
    public static async Task<FacetRows> LoadAsync(MercatoDb db, FacetFeatureTable table, IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var products = db.Set<Product>().AsNoTracking().Where(p => p.Status == ProductStatus.Published);
        if (only is not null) products = products.Where(p => only.Contains(p.Id));
        var ids = await products.OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(ct);
        // Ordinals follow the ids' ordinal order, whatever the database's collation sorted them by: search breaks ties on
        // the id, and compares ordinals instead of strings (FacetView.Search).
        if (!IsInOrdinalOrder(ids)) Array.Sort(ids, StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++) ordinals[ids[i]] = i;

        // A full load counts its rows first and sizes its lists once: doubling lists copy themselves at every growth and
        // leave the old arrays on the large object heap, which set the process's peak memory at start (the counts are
        // upper bounds: rows of unpublished products are read and skipped).
        var sizes = only is null ? await FullLoadSizes.CountAsync(db, ct) : new FullLoadSizes(0, 0, 0);
        List<(int Ordinal, int Feature)>? pairs = new(sizes.Features);
        // The rows are read as spans (RowScan): a row's product id is only looked up, and its texts become strings once each.
        var ordinalOf = ordinals.GetAlternateLookup<ReadOnlySpan<char>>();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var stringOf = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        string Text(ScannedRow row, int column)
        {
            var text = row.Text(column);
            if (stringOf.TryGetValue(text, out var known)) return known;
            var created = text.ToString();
            strings[created] = created;
            return created;
        }
        Task Scan(string sql, string productColumn, ScannedRowHandler handler) => RowScan.ReadAsync(db, sql, handler, ct, productColumn, only);
        // Each product link and attribute row names its product in a ProductId column.
        async Task Features<T>(FacetFeatureKind kind, params string[] columns) where T : class
        {
            var t = db.NamesOf<T>();
            var product = t[nameof(ProductTag.ProductId)];
            await Scan($"SELECT {product}, {string.Join(", ", columns.Select(c => t[c]))} FROM {t.Table}", product, row =>
            {
                if (!ordinalOf.TryGetValue(row.Text(0), out var ordinal)) return;
                var feature = columns.Length == 1 ? table.Intern(kind, Text(row, 1)) : table.Intern(kind, Text(row, 1), Text(row, 2));
                pairs!.Add((ordinal, feature));
            });
        }
        await Features<ProductChannelLink>(FacetFeatureKind.Channel, nameof(ProductChannelLink.SalesChannelId));
        await Features<ProductCategoryLink>(FacetFeatureKind.Category, nameof(ProductCategoryLink.CategoryId));
        await Features<ProductCollectionLink>(FacetFeatureKind.Collection, nameof(ProductCollectionLink.CollectionId));
        await Features<ProductTag>(FacetFeatureKind.Tag, nameof(ProductTag.Value));
        await Features<ProductAttributeValue>(FacetFeatureKind.Attribute, nameof(ProductAttributeValue.Key), nameof(ProductAttributeValue.Value));
        await Features<ProductPriceSummary>(FacetFeatureKind.PricedIn, nameof(ProductPriceSummary.CurrencyCode));

        var v = db.NamesOf<Variant>();
        var ov = db.NamesOf<VariantOptionValue>();
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        await Scan($"SELECT x.{v[nameof(Variant.ProductId)]}, o.{ov[nameof(VariantOptionValue.FilterKey)]}, o.{ov[nameof(VariantOptionValue.OptionName)]}, "
            + $"o.{ov[nameof(VariantOptionValue.Value)]} FROM {ov.Table} o JOIN {v.Table} x ON o.{ov[nameof(VariantOptionValue.VariantId)]} = x.{v[nameof(Variant.Id)]}",
            $"x.{v[nameof(Variant.ProductId)]}", row =>
            {
                if (!ordinalOf.TryGetValue(row.Text(0), out var ordinal)) return;
                var name = Text(row, 2);
                if (!groups.TryGetValue(name, out var group)) groups[name] = group = name.Trim().ToLowerInvariant();
                pairs!.Add((ordinal, table.Intern(FacetFeatureKind.Option, Text(row, 1), "", name, group, Text(row, 3))));
            });

        // Each part is finished into its arrays before the next one is read, and its temporary rows are dropped: read
        // first and finished together, the temporaries of all three parts (about 85 MB at 100,000 products) were alive at
        // once and set the process's peak memory.
        var (featureStart, features) = Runs(pairs, ids.Length);
        pairs = null;

        var priceRows = new List<(int Ordinal, int Currency, long Amount)>(sizes.Prices);
        var vp = db.NamesOf<VariantPrice>();
        await Scan($"SELECT x.{v[nameof(Variant.ProductId)]}, p.{vp[nameof(VariantPrice.CurrencyCode)]}, p.{vp[nameof(VariantPrice.Amount)]} "
            + $"FROM {vp.Table} p JOIN {v.Table} x ON p.{vp[nameof(VariantPrice.VariantId)]} = x.{v[nameof(Variant.Id)]}",
            $"x.{v[nameof(Variant.ProductId)]}", row =>
            {
                if (ordinalOf.TryGetValue(row.Text(0), out var ordinal)) priceRows.Add((ordinal, table.Currency(Text(row, 1)), row.Number(2)));
            });
        priceRows.Sort();
        var priceStart = new int[ids.Length + 1];
        var priceCurrencies = new int[priceRows.Count];
        var priceAmounts = new long[priceRows.Count];
        var at = 0;
        for (var o = 0; o < ids.Length; o++)
        {
            priceStart[o] = at;
            for (; at < priceRows.Count && priceRows[at].Ordinal == o; at++) (priceCurrencies[at], priceAmounts[at]) = (priceRows[at].Currency, priceRows[at].Amount);
        }
        priceStart[ids.Length] = priceRows.Count;
        priceRows = null;

        // Postings exist for published products only (the indexer writes none for the others).
        var postings = new TermPostings.Builder(sizes.Postings);
        var productTerms = new Dictionary<string, byte>[only is null ? 0 : ids.Length];
        for (var i = 0; i < productTerms.Length; i++) productTerms[i] = new Dictionary<string, byte>(StringComparer.Ordinal);
        var sp = db.NamesOf<SearchPosting>();
        await Scan($"SELECT {sp[nameof(SearchPosting.ProductId)]}, {sp[nameof(SearchPosting.Term)]}, {sp[nameof(SearchPosting.Weight)]} FROM {sp.Table}",
            sp[nameof(SearchPosting.ProductId)], row =>
            {
                if (!ordinalOf.TryGetValue(row.Text(0), out var ordinal)) return;
                var weight = (byte)Math.Clamp(row.Number(2), 0, byte.MaxValue);
                // A term becomes a string only the first time it is seen (the builder keeps it).
                if (only is null) postings.Add(row.Text(1), ordinal, weight);
                else productTerms[ordinal][row.Text(1).ToString()] = weight;
            });

        return new FacetRows
        {
            Ids = ids, FeatureStart = featureStart, Features = features, PriceStart = priceStart,
            PriceCurrencies = priceCurrencies, PriceAmounts = priceAmounts, Postings = postings.Build(), ProductTerms = productTerms,
        };
    }

    /// <summary>The (ordinal, feature) pairs as one sorted, de-duplicated run of features per product, in arrays of their exact size.</summary>
    private static (int[] Start, int[] Features) Runs(List<(int Ordinal, int Feature)> pairs, int products)
    {
        pairs.Sort();
        var distinct = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i == 0 || pairs[i] != pairs[i - 1]) distinct++;
        }
        var start = new int[products + 1];
        var features = new int[distinct];
        var (at, written) = (0, 0);
        for (var o = 0; o < products; o++)
        {
            start[o] = written;
            var previous = -1;
            for (; at < pairs.Count && pairs[at].Ordinal == o; at++)
            {
                if (pairs[at].Feature != previous) features[written++] = previous = pairs[at].Feature;
            }
        }
        start[products] = written;
        return (start, features);
    }
}

/// <summary>The rows a full facet load reads: product features (links, tags, attributes, currencies, options), prices, postings.</summary>
internal readonly record struct FullLoadSizes(int Features, int Prices, int Postings)
{
    public static async Task<FullLoadSizes> CountAsync(MercatoDb db, CancellationToken ct)
    {
        var features = await db.Set<ProductChannelLink>().CountAsync(ct) + await db.Set<ProductCategoryLink>().CountAsync(ct)
            + await db.Set<ProductCollectionLink>().CountAsync(ct) + await db.Set<ProductTag>().CountAsync(ct)
            + await db.Set<ProductAttributeValue>().CountAsync(ct) + await db.Set<ProductPriceSummary>().CountAsync(ct)
            + await db.Set<VariantOptionValue>().CountAsync(ct);
        return new FullLoadSizes(features, await db.Set<VariantPrice>().CountAsync(ct), await db.Set<SearchPosting>().CountAsync(ct));
    }
}

/// <summary>The store filters a facet request resolved, in the index's terms.</summary>
internal sealed record FacetRequest(
    string ChannelId,
    string Currency,
    IReadOnlyList<string>? CategorySubtree,
    string? CollectionId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<(string Name, string Key)> Options,
    IReadOnlyList<(string Key, string Value)> Attributes,
    long? MinPrice,
    long? MaxPrice,
    IReadOnlySet<string>? Hits,
    long[] PriceBounds);

/// <summary>Raw counts: categories with their visible ancestors, option values by filter key, attribute values, price buckets.</summary>
internal sealed record FacetCounts(
    Dictionary<string, int> Categories,
    List<(FacetFeature Option, int Count)> Options,
    List<(FacetFeature Attribute, int Count)> Attributes,
    int[] PriceBuckets);

/// <summary>
/// One consistent view of the index: a bulk-loaded snapshot plus the products reloaded since (which replace their snapshot
/// rows). Immutable once published, so any number of requests count on it at once.
/// </summary>
internal sealed partial class FacetView(FacetRows snapshot, Dictionary<string, int> ordinals, bool[] replaced,
    IReadOnlyDictionary<string, FacetProduct?> reloaded, FacetFeature[] features)
{
    private ulong[]? _live;

    public FacetRows Snapshot => snapshot;
    /// <summary>The snapshot's products not reloaded since (as a bitset over its ordinals), the ones counted from it.</summary>
    public ReadOnlySpan<ulong> Live => _live ??= LiveSet();
    public int Size => snapshot.Ids.Length;

    private ulong[] LiveSet()
    {
        var live = new ulong[Bits.WordsFor(Size)];
        Bits.SetFirst(live, Size);
        for (var o = 0; o < replaced.Length; o++)
        {
            if (replaced[o]) live[o >> 6] &= ~(1UL << o);
        }
        return live;
    }

    /// <summary>Products reloaded since the snapshot; past a share of it, a new snapshot is cheaper to count on.</summary>
    public int ReloadedCount => reloaded.Count;

    /// <summary>
    /// Counts the way search engines count disjunctive facets: a product that passes every filter counts in every facet; one
    /// that fails the filters of exactly one facet (its categories, its prices, one option name or one attribute) counts in
    /// that facet only, which is what "each facet ignores its own filter" means. The snapshot's products are counted from its
    /// inverted features (<see cref="FeatureSets"/>), the products reloaded since it one by one.
    /// </summary>
    public FacetCounts Count(FacetRequest request, FacetFeatureTable table, StoreCategoryTree tree) => Count(request, table, tree, bySets: true);

    /// <param name="bySets">False visits every snapshot product one by one instead: the reference the sets are tested against.</param>
    internal FacetCounts Count(FacetRequest request, FacetFeatureTable table, StoreCategoryTree tree, bool bySets)
    {
        // Requirements: 0 channel, 1 priced in the currency, then one per filter value. Their groups: 0 mandatory,
        // 1 categories, 2 prices, then one per option name and per attribute key.
        const int CategoryGroup = 1, PriceGroup = 2;
        var requirementGroup = new List<int> { 0, 0 };
        var requirementFeatures = new List<List<int>> { new(), new() };
        var impossible = false;
        void Require(int group, IEnumerable<int?> satisfiedBy)
        {
            var requirement = requirementGroup.Count;
            requirementGroup.Add(group);
            requirementFeatures.Add([]);
            var any = false;
            foreach (var f in satisfiedBy)
            {
                if (f is not { } feature) continue;
                any = true;
                requirementFeatures[requirement].Add(feature);
            }
            if (!any && group == 0) impossible = true;
        }
        void Map(int requirement, int? feature)
        {
            if (feature is not { } f) { impossible = true; return; }
            requirementFeatures[requirement].Add(f);
        }
        Map(0, table.Find(FacetFeatureKind.Channel, request.ChannelId));
        Map(1, table.Find(FacetFeatureKind.PricedIn, request.Currency));
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        int GroupOf(string name) => groups.TryGetValue(name, out var g) ? g : groups[name] = PriceGroup + 1 + groups.Count;
        if (request.CategorySubtree is { } subtree)
            Require(CategoryGroup, subtree.Select(id => table.Find(FacetFeatureKind.Category, id)));
        if (request.CollectionId is { } collection) Require(0, [table.Find(FacetFeatureKind.Collection, collection)]);
        foreach (var tag in request.Tags) Require(0, [table.Find(FacetFeatureKind.Tag, tag)]);
        foreach (var (name, key) in request.Options) Require(GroupOf("option:" + name), [table.Find(FacetFeatureKind.Option, key)]);
        foreach (var (key, value) in request.Attributes) Require(GroupOf("attribute:" + key), [table.Find(FacetFeatureKind.Attribute, key, value)]);

        var buckets = new int[request.PriceBounds.Length + 1];
        if (impossible) return new FacetCounts([], [], [], buckets);

        // Everything the pass looks up is an array indexed by feature id or category position: a dictionary lookup per
        // feature of 100,000 products was most of the time.
        var size = features.Length;
        var satisfies = new ulong[size];
        for (var r = 0; r < requirementFeatures.Count; r++)
        {
            // A feature interned after this view was made is on none of its products.
            foreach (var feature in requirementFeatures[r].Where(f => f < size)) satisfies[feature] |= 1UL << r;
        }
        var groupOfRequirement = requirementGroup.ToArray();
        var currency = table.FindCurrency(request.Currency);
        var visible = tree.Visible.ToList();
        var position = new Dictionary<string, int>(visible.Count, StringComparer.Ordinal);
        for (var i = 0; i < visible.Count; i++) position[visible[i].Id] = i;
        var chains = new int[]?[size];
        int[] ChainOf(int feature)
        {
            if (chains[feature] is { } chain) return chain;
            var found = new List<int>();
            for (var at = position.TryGetValue(features[feature].Key, out var p) ? p : -1; at >= 0;
                 at = visible[at].ParentId is { } parent && position.TryGetValue(parent, out var up) ? up : -1)
                found.Add(at);
            return chains[feature] = [.. found];
        }
        // The facet group an option or attribute value counts in when its own filter is the one a product fails (0: none).
        var valueGroup = new int[size];
        if (groups.Count > 0)
        {
            for (var f = 0; f < size; f++)
            {
                if (features[f] is not { } feature) continue;
                if (feature.Kind == FacetFeatureKind.Option) valueGroup[f] = groups.GetValueOrDefault("option:" + feature.Group);
                else if (feature.Kind == FacetFeatureKind.Attribute) valueGroup[f] = groups.GetValueOrDefault("attribute:" + feature.Key);
            }
        }
        var all = (1UL << requirementGroup.Count) - 1;
        var valueCounts = new int[size];
        var categoryCounts = new int[visible.Count];
        var categorySeenBy = new int[visible.Count];
        var visit = 0;
        var seenBuckets = new bool[buckets.Length];

        void Visit(ReadOnlySpan<int> productFeatures, ReadOnlySpan<int> priceCurrencies, ReadOnlySpan<long> amounts)
        {
            var met = 0UL;
            foreach (var f in productFeatures) met |= satisfies[f];
            var failedGroup = 0;
            var missing = all & ~met;
            for (var r = 0; missing != 0; r++, missing >>= 1)
            {
                if ((missing & 1) == 0) continue;
                var group = groupOfRequirement[r];
                if (group == 0 || (failedGroup != 0 && failedGroup != group)) return;
                failedGroup = group;
            }
            if ((request.MinPrice is not null || request.MaxPrice is not null) && !InRange(priceCurrencies, amounts))
            {
                if (failedGroup != 0) return;
                failedGroup = PriceGroup;
            }

            visit++;
            foreach (var f in productFeatures)
            {
                switch (features[f].Kind)
                {
                    case FacetFeatureKind.Category when failedGroup is 0 or CategoryGroup:
                        // A product counts once in each category of its chains, however many of its categories share it.
                        foreach (var c in ChainOf(f))
                        {
                            if (categorySeenBy[c] == visit) continue;
                            categorySeenBy[c] = visit;
                            categoryCounts[c]++;
                        }
                        break;
                    case FacetFeatureKind.Option or FacetFeatureKind.Attribute when failedGroup == 0 || valueGroup[f] == failedGroup:
                        valueCounts[f]++;
                        break;
                }
            }
            if (failedGroup is 0 or PriceGroup)
            {
                Array.Clear(seenBuckets);
                for (var i = 0; i < amounts.Length; i++)
                {
                    if (priceCurrencies[i] != currency) continue;
                    var amount = amounts[i];
                    var bucket = 0;
                    while (bucket < request.PriceBounds.Length && amount >= request.PriceBounds[bucket]) bucket++;
                    if (!seenBuckets[bucket]) { seenBuckets[bucket] = true; buckets[bucket]++; }
                }
            }
        }
        bool InRange(ReadOnlySpan<int> priceCurrencies, ReadOnlySpan<long> amounts)
        {
            long min = request.MinPrice ?? 0, max = request.MaxPrice ?? long.MaxValue;
            for (var i = 0; i < amounts.Length; i++)
            {
                if (priceCurrencies[i] == currency && amounts[i] >= min && amounts[i] <= max) return true;
            }
            return false;
        }

        var rows = snapshot;
        void VisitSnapshot(int o)
        {
            var (from, to) = (rows.PriceStart[o], rows.PriceStart[o + 1]);
            Visit(rows.Features.AsSpan(rows.FeatureStart[o], rows.FeatureStart[o + 1] - rows.FeatureStart[o]),
                rows.PriceCurrencies.AsSpan(from, to - from), rows.PriceAmounts.AsSpan(from, to - from));
        }
        void CountSnapshot()
        {
            var sets = rows.Sets;
            using var scratch = new BitScratch(sets.Words);
            // The products in scope: not reloaded since the snapshot, and among the search's hits when there is a search.
            var scope = scratch.Rent();
            Live.CopyTo(scratch.Span(scope));
            if (request.Hits is { } searched)
            {
                var hits = scratch.Rent();
                foreach (var id in searched)
                {
                    if (ordinals.TryGetValue(id, out var o)) Bits.Set(scratch.Span(hits), o);
                }
                Bits.And(scratch.Span(scope), scratch.Span(hits));
            }
            // Each requirement's holders (the price range is one more requirement, of the price group).
            var met = new List<(int Group, ulong[] Holders)>();
            for (var r = 0; r < requirementGroup.Count; r++)
            {
                var holders = scratch.Rent();
                foreach (var f in requirementFeatures[r]) sets.OrInto(f, scratch.Span(holders));
                met.Add((groupOfRequirement[r], holders));
            }
            if (request.MinPrice is not null || request.MaxPrice is not null)
            {
                var holders = scratch.Rent();
                sets.PricedBetween(currency, request.MinPrice ?? 0, request.MaxPrice ?? long.MaxValue, scratch.Span(holders));
                met.Add((PriceGroup, holders));
            }
            // The products each facet counts: those that pass every requirement but its own group's (-1: every one).
            var masks = new Dictionary<int, ulong[]>();
            ReadOnlySpan<ulong> Passing(int except)
            {
                if (!met.Exists(m => m.Group == except)) except = -1;
                if (!masks.TryGetValue(except, out var mask))
                {
                    masks[except] = mask = scratch.Rent();
                    scratch.Span(scope).CopyTo(scratch.Span(mask));
                    foreach (var (group, holders) in met)
                    {
                        if (group != except) Bits.And(scratch.Span(mask), scratch.Span(holders));
                    }
                }
                return scratch.Span(mask);
            }

            // A category counts the products of its own links and of its visible descendants', once each.
            var members = new List<int>?[visible.Count];
            for (var f = 0; f < sets.FeatureCount; f++)
            {
                if (!sets.Has(f) || features[f].Kind != FacetFeatureKind.Category) continue;
                foreach (var c in ChainOf(f)) (members[c] ??= []).Add(f);
            }
            var union = scratch.Rent();
            for (var c = 0; c < members.Length; c++)
            {
                if (members[c] is not { } linked) continue;
                if (linked.Count == 1)
                {
                    categoryCounts[c] += sets.CountIn(linked[0], Passing(CategoryGroup));
                    continue;
                }
                scratch.Span(union).Clear();
                foreach (var f in linked) sets.OrInto(f, scratch.Span(union));
                categoryCounts[c] += Bits.CountAnd(scratch.Span(union), Passing(CategoryGroup));
            }
            for (var f = 0; f < sets.FeatureCount; f++)
            {
                if (!sets.Has(f) || features[f].Kind is not (FacetFeatureKind.Option or FacetFeatureKind.Attribute)) continue;
                valueCounts[f] += sets.CountIn(f, Passing(valueGroup[f] == 0 ? -1 : valueGroup[f]));
            }
            if (currency is { } priced)
            {
                var bucketHolders = sets.PriceBuckets(priced, request.PriceBounds);
                for (var b = 0; b < buckets.Length; b++) buckets[b] += Bits.CountAnd(bucketHolders[b], Passing(PriceGroup));
            }
        }
        if (bySets) CountSnapshot();
        else if (request.Hits is { } searched)
        {
            // A search's hits only (counts are sums: the order of the visits does not matter).
            foreach (var id in searched)
            {
                if (ordinals.TryGetValue(id, out var o) && !replaced[o]) VisitSnapshot(o);
            }
        }
        else
        {
            for (var o = 0; o < rows.Ids.Length; o++)
            {
                if (!replaced[o]) VisitSnapshot(o);
            }
        }
        foreach (var (id, product) in reloaded)
        {
            if (product is not null && request.Hits?.Contains(id) != false) Visit(product.Features, product.PriceCurrencies, product.PriceAmounts);
        }

        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < visible.Count; c++)
        {
            if (categoryCounts[c] > 0) categories[visible[c].Id] = categoryCounts[c];
        }
        var options = new List<(FacetFeature, int)>();
        var attributes = new List<(FacetFeature, int)>();
        for (var f = 0; f < size; f++)
        {
            if (valueCounts[f] == 0) continue;
            (features[f].Kind == FacetFeatureKind.Option ? options : attributes).Add((features[f], valueCounts[f]));
        }
        return new FacetCounts(categories, options, attributes, buckets);
    }

    /// <summary>A view with <paramref name="changes"/> (null: no longer published) replacing what it had for those products.</summary>
    public FacetView With(IReadOnlyDictionary<string, FacetProduct?> changes, FacetFeatureTable table)
    {
        var replacedNow = (bool[])replaced.Clone();
        var merged = new Dictionary<string, FacetProduct?>(reloaded, StringComparer.Ordinal);
        foreach (var (id, product) in changes)
        {
            if (ordinals.TryGetValue(id, out var ordinal)) replacedNow[ordinal] = true;
            merged[id] = product;
        }
        return new FacetView(snapshot, ordinals, replacedNow, merged, table.Items);
    }

    public static FacetView Of(FacetRows rows, FacetFeatureTable table)
    {
        var ordinals = new Dictionary<string, int>(rows.Ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < rows.Ids.Length; i++) ordinals[rows.Ids[i]] = i;
        return new FacetView(rows, ordinals, new bool[rows.Ids.Length], new Dictionary<string, FacetProduct?>(StringComparer.Ordinal),
            table.Items);
    }
}
