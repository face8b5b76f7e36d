namespace Mercato.Catalog.Search;

/// <summary>
/// SymSpell's one-deletion neighbourhoods of a snapshot's terms, as 64-bit hashes of the deletions sorted beside their term
/// slots (12 bytes a deletion, no string kept). A hash only nominates a term: <see cref="Find"/> checks that the term really
/// gives the variant by one deletion, so a collision never adds a candidate.
/// </summary>
internal sealed class DeletionIndex
{
    private readonly ulong[] _hashes;
    private readonly int[] _slots;

    private DeletionIndex(ulong[] hashes, int[] slots) => (_hashes, _slots) = (hashes, slots);

    /// <summary>The neighbourhoods of the terms of 4 to 32 characters without digits (<see cref="SearchText.HasTypoNeighbourhood"/>).</summary>
    public static DeletionIndex Of(string[] terms)
    {
        var hashes = new List<ulong>();
        var slots = new List<int>();
        for (var slot = 0; slot < terms.Length; slot++)
        {
            var term = terms[slot];
            if (!SearchText.HasTypoNeighbourhood(term)) continue;
            for (var i = 0; i < term.Length; i++)
            {
                // Deleting either of two equal neighbours gives the same variant: kept once.
                if (i > 0 && term[i] == term[i - 1]) continue;
                hashes.Add(Hash(term, i));
                slots.Add(slot);
            }
        }
        var (h, s) = (hashes.ToArray(), slots.ToArray());
        Array.Sort(h, s);
        return new DeletionIndex(h, s);
    }

    /// <summary>Adds to <paramref name="into"/> the slots of the terms that give <paramref name="variant"/> by deleting one character.</summary>
    public void Find(string variant, string[] terms, ISet<int> into)
    {
        var hash = Hash(variant, -1);
        var at = Array.BinarySearch(_hashes, hash);
        if (at < 0) return;
        while (at > 0 && _hashes[at - 1] == hash) at--;
        for (; at < _hashes.Length && _hashes[at] == hash; at++)
        {
            if (IsDeletion(terms[_slots[at]], variant)) into.Add(_slots[at]);
        }
    }

    /// <summary>Whether deleting one character of <paramref name="term"/> gives <paramref name="variant"/>.</summary>
    public static bool IsDeletion(string term, string variant)
    {
        if (term.Length != variant.Length + 1) return false;
        var i = 0;
        while (i < variant.Length && term[i] == variant[i]) i++;
        return term.AsSpan(i + 1).SequenceEqual(variant.AsSpan(i));
    }

    /// <summary>FNV-1a over the characters of <paramref name="text"/> but the one at <paramref name="skip"/>.</summary>
    private static ulong Hash(string text, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < text.Length; i++)
        {
            if (i == skip) continue;
            hash = (hash ^ text[i]) * 1099511628211UL;
        }
        return hash;
    }
}

/// <summary>
/// The vocabulary a query is resolved against (completions of the last word, typo neighbours), read from the same view
/// as the postings: the snapshot's terms, with the products reloaded since it counted in place of their snapshot rows.
/// It answers from memory what two SQL queries a search used to ask, and it can never name a term the postings lack.
/// </summary>
internal sealed partial class FacetView
{
    private VocabularyChanges? _changes;

    private VocabularyChanges Changes => _changes ??= VocabularyChanges.Of(snapshot.Postings, replaced, reloaded);

    /// <summary>How many published products have <paramref name="term"/>.</summary>
    public int ProductCount(string term)
    {
        var slot = snapshot.Postings.Find(term);
        return slot >= 0 ? ProductCount(slot) : Changes.Counts.GetValueOrDefault(term);
    }

    private int ProductCount(int slot)
    {
        var postings = snapshot.Postings;
        var count = postings.Start[slot + 1] - postings.Start[slot];
        var changes = Changes;
        return changes.None ? count : count - changes.ReplacedAmong(postings.Products(slot)) + changes.Counts.GetValueOrDefault(postings.Terms[slot]);
    }

    /// <summary>
    /// The <paramref name="limit"/> most used terms that start with <paramref name="prefix"/> (the prefix itself only when
    /// <paramref name="withPrefix"/>), by product count descending, then term (ordinal). Terms no product has are left out.
    /// </summary>
    public List<(string Term, int Count)> MostUsed(string prefix, bool withPrefix, int limit)
    {
        var best = new PriorityQueue<(string Term, int Count), (string Term, int Count)>(limit + 1, WorstFirst);
        void Offer(string term, int count)
        {
            if (count <= 0 || limit <= 0 || (!withPrefix && term.Length == prefix.Length)) return;
            if (best.Count == limit)
            {
                if (WorstFirst.Compare((term, count), best.Peek()) <= 0) return;
                best.DequeueEnqueue((term, count), (term, count));
            }
            else best.Enqueue((term, count), (term, count));
        }
        var postings = snapshot.Postings;
        var (from, to) = postings.PrefixRange(prefix);
        for (var slot = from; slot < to; slot++) Offer(postings.Terms[slot], ProductCount(slot));
        foreach (var term in Changes.StartingWith(prefix)) Offer(term, Changes.Counts[term]);

        var result = best.UnorderedItems.Select(x => x.Element).ToList();
        result.Sort((a, b) => WorstFirst.Compare(b, a));
        return result;
    }

    /// <summary>Fewer products first, then the later term: the worst of a <see cref="MostUsed"/> selection on top of its heap.</summary>
    private static readonly Comparer<(string Term, int Count)> WorstFirst = Comparer<(string Term, int Count)>.Create((a, b) =>
    {
        var c = a.Count.CompareTo(b.Count);
        return c != 0 ? c : string.CompareOrdinal(b.Term, a.Term);
    });

    /// <summary>
    /// Typo candidates, with their product counts: the terms that give one of <paramref name="variants"/> by deleting a
    /// character, and the <paramref name="shorter"/> terms themselves (a query word's deletions). The caller measures each
    /// one's distance to its word.
    /// </summary>
    public Dictionary<string, int> TypoCandidates(IEnumerable<string> variants, IEnumerable<string> shorter)
    {
        var postings = snapshot.Postings;
        var changes = Changes;
        var slots = new HashSet<int>();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            postings.Deletions.Find(variant, postings.Terms, slots);
            foreach (var term in changes.DeletionsOf(variant)) found[term] = changes.Counts[term];
        }
        foreach (var term in shorter)
        {
            if (postings.Find(term) is var slot and >= 0) slots.Add(slot);
            else if (changes.Counts.TryGetValue(term, out var count)) found[term] = count;
        }
        foreach (var slot in slots) found[postings.Terms[slot]] = ProductCount(slot);
        foreach (var (term, count) in found)
        {
            if (count <= 0) found.Remove(term);
        }
        return found;
    }

    /// <summary>What the products reloaded since the snapshot change in its vocabulary; built once per view, on first use.</summary>
    private sealed class VocabularyChanges
    {
        private readonly bool[] _replaced;
        /// <summary>The snapshot ordinals replaced by a reload (ascending).</summary>
        private readonly int[] _replacedOrdinals;
        /// <summary>The terms the snapshot lacks (ordinal order), and their one-deletion neighbourhoods.</summary>
        private readonly string[] _added;
        private readonly Dictionary<string, List<string>> _addedDeletions;

        /// <summary>How many reloaded (published) products have each of their terms.</summary>
        public Dictionary<string, int> Counts { get; }
        public bool None => _replacedOrdinals.Length == 0 && Counts.Count == 0;

        private VocabularyChanges(bool[] replaced, int[] replacedOrdinals, Dictionary<string, int> counts, string[] added,
            Dictionary<string, List<string>> addedDeletions) =>
            (_replaced, _replacedOrdinals, Counts, _added, _addedDeletions) = (replaced, replacedOrdinals, counts, added, addedDeletions);

        public static VocabularyChanges Of(TermPostings postings, bool[] replaced, IReadOnlyDictionary<string, FacetProduct?> reloaded)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var product in reloaded.Values)
            {
                if (product is null) continue;
                foreach (var term in product.Terms.Keys) counts[term] = counts.GetValueOrDefault(term) + 1;
            }
            var replacedOrdinals = new List<int>();
            if (reloaded.Count > 0)
            {
                for (var o = 0; o < replaced.Length; o++)
                {
                    if (replaced[o]) replacedOrdinals.Add(o);
                }
            }
            var added = counts.Keys.Where(t => postings.Find(t) < 0).Order(StringComparer.Ordinal).ToArray();
            var addedDeletions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var term in added.Where(SearchText.HasTypoNeighbourhood))
            {
                foreach (var variant in SearchText.Deletes(term))
                {
                    if (!addedDeletions.TryGetValue(variant, out var terms)) addedDeletions[variant] = terms = [];
                    terms.Add(term);
                }
            }
            return new VocabularyChanges(replaced, [.. replacedOrdinals], counts, added, addedDeletions);
        }

        /// <summary>How many of a term's snapshot products (ascending ordinals) were replaced by a reload.</summary>
        public int ReplacedAmong(ReadOnlySpan<int> products)
        {
            if (_replacedOrdinals.Length == 0) return 0;
            var count = 0;
            // Whichever is fewer steps: a look at each product, or a binary search for each replaced one.
            if (products.Length <= _replacedOrdinals.Length * 16)
            {
                foreach (var o in products)
                {
                    if (_replaced[o]) count++;
                }
            }
            else
            {
                foreach (var o in _replacedOrdinals)
                {
                    if (products.BinarySearch(o) >= 0) count++;
                }
            }
            return count;
        }

        /// <summary>The added terms that start with <paramref name="prefix"/> (ordinal).</summary>
        public IEnumerable<string> StartingWith(string prefix)
        {
            var at = Array.BinarySearch(_added, prefix, StringComparer.Ordinal);
            for (at = at < 0 ? ~at : at; at < _added.Length && _added[at].StartsWith(prefix, StringComparison.Ordinal); at++)
                yield return _added[at];
        }

        /// <summary>The added terms that give <paramref name="variant"/> by deleting one character.</summary>
        public IReadOnlyList<string> DeletionsOf(string variant) => _addedDeletions.TryGetValue(variant, out var terms) ? terms : [];
    }
}
