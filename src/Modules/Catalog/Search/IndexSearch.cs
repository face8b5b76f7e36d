using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Mercato.Catalog.Search;

/// <summary>
/// A snapshot's search postings by term, in one array: the products (snapshot ordinals) of term slot <c>s</c> are
/// <c>Ordinals[Start[s]..Start[s + 1]]</c>, with their field weights beside them. Five bytes a posting. The slots follow the
/// terms' ordinal order, so the terms double as the vocabulary: a term is found by binary search (a dictionary took three
/// times the memory), a prefix's completions are one range, and a term's product count is its slot's length.
/// </summary>
internal sealed class TermPostings
{
    /// <summary>The terms in ordinal order: slot <c>s</c> holds the postings of <c>Terms[s]</c>.</summary>
    public required string[] Terms { get; init; }
    public required int[] Start { get; init; }
    public required int[] Ordinals { get; init; }
    public required byte[] Weights { get; init; }
    /// <summary>The one-deletion neighbourhoods of the terms that take part in typo matching.</summary>
    public required DeletionIndex Deletions { get; init; }

    public int Count => Ordinals.Length;

    /// <summary>The slot of <paramref name="term"/>, or -1 when no product of the snapshot has it.</summary>
    public int Find(string term)
    {
        var slot = Array.BinarySearch(Terms, term, StringComparer.Ordinal);
        return slot >= 0 ? slot : -1;
    }

    /// <summary>The products (snapshot ordinals, ascending) of a slot.</summary>
    public ReadOnlySpan<int> Products(int slot) => Ordinals.AsSpan(Start[slot], Start[slot + 1] - Start[slot]);

    /// <summary>The slots of the terms that start with <paramref name="prefix"/> (ordinal), the prefix itself included.</summary>
    public (int From, int To) PrefixRange(string prefix)
    {
        var from = Array.BinarySearch(Terms, prefix, StringComparer.Ordinal);
        if (from < 0) from = ~from;
        // The terms that start with the prefix follow it in one run; the first one that does not ends the range.
        int lo = from, hi = Terms.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (Terms[mid].StartsWith(prefix, StringComparison.Ordinal)) lo = mid + 1;
            else hi = mid;
        }
        return (from, lo);
    }

    /// <summary>Collects postings in any order, then lays them out by term (a counting sort).</summary>
    /// <param name="capacity">The postings expected (a full load counts them first), so the lists do not grow by doubling.</param>
    public sealed class Builder(int capacity = 0)
    {
        private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
        private readonly List<int> _slotOf = new(capacity);
        private readonly List<int> _ordinals = new(capacity);
        private readonly List<byte> _weights = new(capacity);

        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Terms => _slots.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>Adds a posting; the term is copied into a string only the first time it is seen.</summary>
        public void Add(ReadOnlySpan<char> term, int ordinal, byte weight)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(Terms, term, out var known);
            if (!known) slot = _slots.Count - 1;
            _slotOf.Add(slot);
            _ordinals.Add(ordinal);
            _weights.Add(weight);
        }

        public TermPostings Build()
        {
            // Slots in the terms' ordinal order: the order they arrived in maps to their place in the sorted terms.
            var terms = new string[_slots.Count];
            var arrived = new int[_slots.Count];
            foreach (var (term, slot) in _slots) (terms[slot], arrived[slot]) = (term, slot);
            Array.Sort(terms, arrived, StringComparer.Ordinal);
            var sorted = new int[_slots.Count];
            for (var s = 0; s < arrived.Length; s++) sorted[arrived[s]] = s;

            var start = new int[_slots.Count + 1];
            foreach (var slot in _slotOf) start[sorted[slot] + 1]++;
            for (var i = 0; i < _slots.Count; i++) start[i + 1] += start[i];
            var next = start[..^1];
            var ordinals = new int[_ordinals.Count];
            var weights = new byte[_weights.Count];
            for (var i = 0; i < _slotOf.Count; i++)
            {
                var at = next[sorted[_slotOf[i]]]++;
                ordinals[at] = _ordinals[i];
                weights[at] = _weights[i];
            }
            // A search walks each term's products in ordinal order (they mostly arrive so: ordinals follow product ids).
            for (var slot = 0; slot < _slots.Count; slot++)
            {
                for (var i = start[slot] + 1; i < start[slot + 1]; i++)
                {
                    if (ordinals[i] >= ordinals[i - 1]) continue;
                    Array.Sort(ordinals, weights, start[slot], start[slot + 1] - start[slot]);
                    break;
                }
            }
            return new TermPostings { Terms = terms, Start = start, Ordinals = ordinals, Weights = weights, Deletions = DeletionIndex.Of(terms) };
        }
    }
}

/// <summary>Every store filter of a request at once (channel, currency, categories, collection, tags, options, attributes, price).</summary>
internal sealed class FacetFilter
{
    /// <summary>By feature id: the requirements it satisfies, one bit each (features interned later satisfy none).</summary>
    private readonly ulong[] _satisfies;
    /// <summary>By requirement: the features that satisfy it.</summary>
    private readonly List<List<int>> _requirements = [];
    private readonly ulong _all;
    private readonly bool _impossible;
    private readonly int? _currency;
    private readonly long _min, _max;
    private readonly bool _priced;

    public FacetFilter(FacetRequest request, FacetFeatureTable table)
    {
        _satisfies = new ulong[table.Count];
        var requirements = 0;
        var impossible = false;
        void Require(IEnumerable<int?> satisfiedBy)
        {
            var bit = 1UL << requirements++;
            var any = false;
            var features = new List<int>();
            foreach (var f in satisfiedBy)
            {
                if (f is not { } feature) continue;
                any = true;
                features.Add(feature);
                if (feature < _satisfies.Length) _satisfies[feature] |= bit;
            }
            _requirements.Add(features);
            if (!any) impossible = true;
        }
        Require([table.Find(FacetFeatureKind.Channel, request.ChannelId)]);
        Require([table.Find(FacetFeatureKind.PricedIn, request.Currency)]);
        if (request.CategorySubtree is { } subtree) Require(subtree.Select(id => table.Find(FacetFeatureKind.Category, id)));
        if (request.CollectionId is { } collection) Require([table.Find(FacetFeatureKind.Collection, collection)]);
        foreach (var tag in request.Tags) Require([table.Find(FacetFeatureKind.Tag, tag)]);
        foreach (var (_, key) in request.Options) Require([table.Find(FacetFeatureKind.Option, key)]);
        foreach (var (key, value) in request.Attributes) Require([table.Find(FacetFeatureKind.Attribute, key, value)]);
        _impossible = impossible || requirements > 64;
        _all = requirements == 64 ? ulong.MaxValue : (1UL << requirements) - 1;
        _currency = table.FindCurrency(request.Currency);
        _priced = request.MinPrice is not null || request.MaxPrice is not null;
        (_min, _max) = (request.MinPrice ?? 0, request.MaxPrice ?? long.MaxValue);
    }

    public bool Passes(ReadOnlySpan<int> features, ReadOnlySpan<int> priceCurrencies, ReadOnlySpan<long> amounts)
    {
        if (_impossible) return false;
        var met = 0UL;
        foreach (var f in features)
        {
            if ((uint)f < (uint)_satisfies.Length) met |= _satisfies[f];
        }
        return met == _all && PassesPrice(priceCurrencies, amounts);
    }

    /// <summary>The cheapest of the prices in the request's currency; null when there is none.</summary>
    public long? MinPrice(ReadOnlySpan<int> priceCurrencies, ReadOnlySpan<long> amounts)
    {
        long? min = null;
        for (var i = 0; i < amounts.Length; i++)
        {
            if (priceCurrencies[i] == _currency && (min is null || amounts[i] < min)) min = amounts[i];
        }
        return min;
    }

    /// <summary>The price part of <see cref="Passes"/> alone (true without a price range).</summary>
    public bool PassesPrice(ReadOnlySpan<int> priceCurrencies, ReadOnlySpan<long> amounts)
    {
        if (!_priced) return true;
        for (var i = 0; i < amounts.Length; i++)
        {
            if (priceCurrencies[i] == _currency && amounts[i] >= _min && amounts[i] <= _max) return true;
        }
        return false;
    }

    /// <summary>
    /// Keeps in <paramref name="products"/> (snapshot ordinals) those whose features pass, from the snapshot's inverted
    /// features: a few word-wise ORs and ANDs, where calling <see cref="Passes"/> on each match visited every feature of
    /// thousands of products. The price range is not applied (<see cref="PassesPrice"/>).
    /// </summary>
    public void RestrictFeatures(FeatureSets sets, Span<ulong> products, BitScratch scratch)
    {
        if (_impossible)
        {
            products.Clear();
            return;
        }
        var holders = scratch.Span(scratch.Rent());
        foreach (var features in _requirements)
        {
            holders.Clear();
            // A feature interned after the snapshot is on none of its products (OrInto adds nothing).
            foreach (var f in features) sets.OrInto(f, holders);
            Bits.And(products, holders);
        }
    }
}

internal sealed partial class FacetView
{
    /// <summary>How well a product matched one word: its best typo count, prefix flag and field weight (each on its own).</summary>
    private record struct WordMatch(int Typos, int Prefix, int Weight)
    {
        /// <summary>No match yet: any match is better on each part.</summary>
        public static readonly WordMatch None = new(int.MaxValue, int.MaxValue, int.MinValue);

        public readonly WordMatch With(int typos, int prefix, int weight) =>
            new(Math.Min(Typos, typos), Math.Min(Prefix, prefix), Math.Max(Weight, weight));
    }

    /// <summary>
    /// The published products that match every word of <paramref name="query"/> and pass <paramref name="filter"/> (when
    /// given). With a <paramref name="limit"/>: the best that many ranked after <paramref name="after"/>, best first (fewer
    /// typos, fewer prefix-only words, higher summed weights, then product id); without: every hit, in no order. A word's
    /// match is its best candidate term's: lowest typos, lowest prefix flag and highest weight, each taken on its own.
    /// </summary>
    /// <remarks>
    /// Bitsets over the snapshot, no per-posting allocation: the products of each word (its candidate terms' postings) are
    /// intersected first, then each candidate's postings are walked once more to keep the best match of the products that
    /// matched every word, found by their rank among those products. A common word holds thousands of products; hashing
    /// each posting into a dictionary per word was most of a search's time and allocations.
    /// </remarks>
    public List<SearchHit> Search(SearchQuery query, FacetFilter? filter, SearchHit? after = null, int? limit = null)
    {
        var words = query.Words.Count;
        var hits = new SearchHitCollector(after, after is not null && ordinals.TryGetValue(after.ProductId, out var o) ? o : -1, limit);
        var postings = snapshot.Postings;
        var candidates = new List<(int Slot, SearchCandidate Candidate)>(query.Candidates.Count);
        foreach (var c in query.Candidates)
        {
            if (postings.Find(c.Term) is var slot and >= 0) candidates.Add((slot, c));
        }

        using var scratch = new BitScratch(Bits.WordsFor(Size));
        var matched = scratch.Rent();
        var all = scratch.Span(matched);
        Live.CopyTo(all);
        filter?.RestrictFeatures(snapshot.Sets, all, scratch);
        var ofWord = scratch.Span(scratch.Rent());
        for (var w = 0; w < words; w++)
        {
            ofWord.Clear();
            foreach (var (slot, c) in candidates)
            {
                if (c.Word != w) continue;
                foreach (var ordinal in postings.Products(slot)) Bits.Set(ofWord, ordinal);
            }
            Bits.And(all, ofWord);
        }

        // Rank of a product among the matches: the matches in the words before its own, plus those below it in its word.
        var before = ArrayPool<int>.Shared.Rent(all.Length);
        var count = 0;
        for (var i = 0; i < all.Length; i++)
        {
            before[i] = count;
            count += BitOperations.PopCount(all[i]);
        }
        var matches = ArrayPool<WordMatch>.Shared.Rent(Math.Max(count * words, 1));
        try
        {
            matches.AsSpan(0, count * words).Fill(WordMatch.None);
            foreach (var (slot, c) in candidates)
            {
                for (var i = postings.Start[slot]; i < postings.Start[slot + 1]; i++)
                {
                    var ordinal = postings.Ordinals[i];
                    var word = all[ordinal >> 6];
                    var bit = 1UL << ordinal;
                    if ((word & bit) == 0) continue;
                    var rank = before[ordinal >> 6] + BitOperations.PopCount(word & (bit - 1));
                    ref var match = ref matches[rank * words + c.Word];
                    match = match.With(c.Typos, c.Prefix, postings.Weights[i]);
                }
            }
            var at = 0;
            for (var i = 0; i < all.Length; i++)
            {
                for (var bits = all[i]; bits != 0; bits &= bits - 1, at++)
                {
                    var ordinal = (i << 6) + BitOperations.TrailingZeroCount(bits);
                    long typos = 0, prefixes = 0, score = 0;
                    foreach (var m in matches.AsSpan(at * words, words)) (typos, prefixes, score) = (typos + m.Typos, prefixes + m.Prefix, score + m.Weight);
                    long? minPrice = null;
                    if (filter is not null)
                    {
                        var (from, to) = (snapshot.PriceStart[ordinal], snapshot.PriceStart[ordinal + 1]);
                        var currencies = snapshot.PriceCurrencies.AsSpan(from, to - from);
                        var amounts = snapshot.PriceAmounts.AsSpan(from, to - from);
                        if (!filter.PassesPrice(currencies, amounts)) continue;
                        if (limit is null) minPrice = filter.MinPrice(currencies, amounts);
                    }
                    hits.Add(ordinal, snapshot.Ids[ordinal], typos, prefixes, score, minPrice);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(before);
            ArrayPool<WordMatch>.Shared.Return(matches);
        }

        // Products reloaded since the snapshot: few, matched one by one.
        var best = new WordMatch?[words];
        foreach (var (id, product) in reloaded)
        {
            if (product is null || product.Terms.Count == 0) continue;
            Array.Clear(best);
            foreach (var c in query.Candidates)
            {
                if (!product.Terms.TryGetValue(c.Term, out var weight)) continue;
                best[c.Word] = best[c.Word] is { } m ? m.With(c.Typos, c.Prefix, weight) : new WordMatch(c.Typos, c.Prefix, weight);
            }
            if (Array.Exists(best, m => m is null)) continue;
            if (filter is not null && !filter.Passes(product.Features, product.PriceCurrencies, product.PriceAmounts)) continue;
            hits.Add(id, best.Sum(m => m!.Value.Typos), best.Sum(m => m!.Value.Prefix), best.Sum(m => m!.Value.Weight),
                filter is null || limit is not null ? null : filter.MinPrice(product.PriceCurrencies, product.PriceAmounts));
        }
        return hits.Result();
    }

    /// <summary>Keeps every hit, or only the best <c>limit</c> after a cursor (a bounded heap: a common word has thousands).</summary>
    /// <remarks>
    /// Ties on typos, prefixes and score are broken by product id. A snapshot product's ordinal orders like its id
    /// (<see cref="FacetRows.Ids"/>), so two snapshot products compare their ordinals: a common word ties thousands of
    /// products with the heap's worst, and each was a string comparison. A product reloaded since the snapshot has no
    /// ordinal (-1) and compares by id.
    /// </remarks>
    private sealed class SearchHitCollector(SearchHit? after, int afterOrdinal, int? limit)
    {
        private readonly record struct Ranked(SearchHit Hit, int Ordinal);

        private static readonly Comparer<Ranked> WorstFirst = Comparer<Ranked>.Create((a, b) =>
            Compare(b.Hit.ProductId, b.Ordinal, b.Hit.Typos, b.Hit.Prefixes, b.Hit.Score, a.Hit, a.Ordinal));
        private readonly List<SearchHit> _all = [];
        private readonly PriorityQueue<Ranked, Ranked> _best = new(WorstFirst);

        /// <summary>A product of the snapshot, at <paramref name="ordinal"/>.</summary>
        public void Add(int ordinal, string id, long typos, long prefixes, long score, long? minPrice) =>
            Add(id, ordinal, typos, prefixes, score, minPrice);

        /// <summary>A product reloaded since the snapshot.</summary>
        public void Add(string id, long typos, long prefixes, long score, long? minPrice) => Add(id, -1, typos, prefixes, score, minPrice);

        private void Add(string id, int ordinal, long typos, long prefixes, long score, long? minPrice)
        {
            if (limit is not { } k)
            {
                _all.Add(new SearchHit { ProductId = id, Typos = typos, Prefixes = prefixes, Score = score, MinPrice = minPrice });
                return;
            }
            if (after is not null && Compare(id, ordinal, typos, prefixes, score, after, afterOrdinal) <= 0) return;
            // Most hits of a common word rank below the heap's worst: they are rejected before anything is allocated.
            if (_best.Count == k && (k == 0 || Compare(id, ordinal, typos, prefixes, score, _best.Peek().Hit, _best.Peek().Ordinal) >= 0)) return;
            var hit = new Ranked(new SearchHit { ProductId = id, Typos = typos, Prefixes = prefixes, Score = score }, ordinal);
            if (_best.Count < k) _best.Enqueue(hit, hit);
            else _best.DequeueEnqueue(hit, hit);
        }

        /// <summary><see cref="SearchHit.ByRank"/> of a hit not made yet against <paramref name="other"/>.</summary>
        private static int Compare(string id, int ordinal, long typos, long prefixes, long score, SearchHit other, int otherOrdinal)
        {
            var c = typos.CompareTo(other.Typos);
            if (c == 0) c = prefixes.CompareTo(other.Prefixes);
            if (c == 0) c = other.Score.CompareTo(score);
            if (c != 0) return c;
            return ordinal >= 0 && otherOrdinal >= 0 ? ordinal.CompareTo(otherOrdinal) : string.CompareOrdinal(id, other.ProductId);
        }

        public List<SearchHit> Result()
        {
            if (limit is null) return _all;
            var best = _best.UnorderedItems.Select(x => x.Element.Hit).ToList();
            best.Sort(SearchHit.ByRank);
            return best;
        }
    }
}
