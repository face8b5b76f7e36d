using Mercato.Catalog.Search;

namespace Mercato.UnitTests.Catalog;

/// <summary>
/// The in-memory vocabulary against a count of every current product's terms: random catalogs over a small alphabet (so
/// prefixes and one-deletion neighbourhoods overlap a lot), with products reloaded, added or unpublished since the snapshot.
/// </summary>
public class ViewVocabularyTests
{
    [Fact]
    public void Completions_and_typo_candidates_equal_a_count_of_the_current_products()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var table = new FacetFeatureTable();
            var web = table.Intern(FacetFeatureKind.Channel, "sc_web");
            string Word() => new([.. Enumerable.Range(0, random.Next(2, 7)).Select(_ => "abcs1"[random.Next(random.Next(8) == 0 ? 5 : 4)])]);
            var words = Enumerable.Range(0, random.Next(1, 60)).Select(_ => Word()).Distinct().ToArray();
            Dictionary<string, byte> Terms() => words.Where(_ => random.Next(4) == 0).Distinct().ToDictionary(t => t, _ => (byte)1);

            var products = Enumerable.Range(0, random.Next(0, 150)).Select(o => (Id: $"prod_{o:D5}", Terms: Terms(), Features: new[] { web })).ToList();
            var view = IndexSearchTests.View(random, products, table);
            var changes = new Dictionary<string, FacetProduct?>(StringComparer.Ordinal);
            for (var i = 0; i < random.Next(0, 8) && products.Count > 0; i++)
                changes[products[random.Next(products.Count)].Id] = random.Next(3) == 0 ? null : new FacetProduct([web], [], [], Terms());
            // New products bring terms the snapshot lacks.
            for (var i = 0; i < random.Next(0, 3); i++)
                changes[$"prod_new{i}"] = new FacetProduct([web], [], [], new Dictionary<string, byte> { [Word()] = 1, [Word()] = 1 }.Concat(Terms())
                    .DistinctBy(t => t.Key).ToDictionary());
            if (changes.Count > 0) view = view.With(changes, table);
            var counts = products.Where(p => !changes.ContainsKey(p.Id)).Select(p => p.Terms.Keys)
                .Concat(changes.Values.Where(p => p is not null).Select(p => p!.Terms.Keys))
                .SelectMany(t => t).CountBy(t => t).ToDictionary(StringComparer.Ordinal);

            for (var q = 0; q < 8; q++)
            {
                var context = $"seed {seed}, query {q}";
                var prefix = random.Next(4) == 0 ? Word() : Word()[..1];
                var withPrefix = random.Next(2) == 0;
                var limit = random.Next(0, 6);
                var expected = counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal) && (withPrefix || c.Key.Length > prefix.Length))
                    .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(limit).Select(c => (c.Key, c.Value));
                Assert.Equal(expected, view.MostUsed(prefix, withPrefix, limit));

                var word = Word() + Word();
                var shorter = SearchText.Deletes(word);
                var variants = shorter.Append(word).ToList();
                var typos = counts.Where(c => (SearchText.HasTypoNeighbourhood(c.Key) && SearchText.Deletes(c.Key).Intersect(variants).Any())
                    || shorter.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal);
                Assert.True(typos.SequenceEqual(view.TypoCandidates(variants, shorter).OrderBy(c => c.Key, StringComparer.Ordinal)), context + ": typo candidates");

                var term = words[random.Next(words.Length)];
                Assert.Equal(counts.GetValueOrDefault(term), view.ProductCount(term));
            }
        }
    }

    [Fact]
    public void A_variant_shared_by_many_terms_finds_each_of_them_and_no_other()
    {
        string[] terms = ["abcd", "abce", "abcf", "abcg", "abch", "abdc", "abc1", "xabc"];
        var index = DeletionIndex.Of(terms);
        var found = new SortedSet<int>();
        index.Find("abc", terms, found);
        // "abc1" has a digit (no neighbourhood); "abdc" gives "abc" too; "xabc" gives it by deleting its first letter.
        Assert.Equal(["abcd", "abce", "abcf", "abcg", "abch", "abdc", "xabc"], found.Select(s => terms[s]).Order(StringComparer.Ordinal));
    }
}
