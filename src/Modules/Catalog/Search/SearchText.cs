using System.Globalization;
using System.Text;

namespace Mercato.Catalog.Search;

/// <summary>
/// The search tokenizer and typo rules, in C# so both databases index and match exactly the same terms
/// (docs/decisions/0006-portable-search-index.md).
/// </summary>
internal static class SearchText
{
    /// <summary>Longer runs of letters and digits are cut to this length (an index key, not a word anyone types).</summary>
    public const int MaxTermLength = 64;

    /// <summary>Shortest term that gets typo tolerance; shorter words must match exactly or by prefix.</summary>
    public const int MinTypoLength = 4;

    /// <summary>Longest term whose one-deletion neighbourhood is stored.</summary>
    public const int MaxTypoLength = 32;

    /// <summary>
    /// Terms of a text in order of appearance, without duplicates: Unicode NFKD, combining marks removed, lower-cased
    /// (invariant), split on anything that is not a letter or a digit. "Crème Brûlée" gives "creme", "brulee".
    /// </summary>
    public static List<string> Tokenize(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text)) return terms;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length == 0) return;
            var term = current.Length > MaxTermLength ? current.ToString(0, MaxTermLength) : current.ToString();
            if (seen.Add(term)) terms.Add(term);
            current.Clear();
        }
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return terms;
    }

    /// <summary>A SKU's terms: its parts ("LS-S" gives "ls", "s") and its letters and digits run together ("lss").</summary>
    public static List<string> SkuTerms(string sku)
    {
        var terms = Tokenize(sku);
        if (terms.Count > 1)
        {
            var whole = string.Concat(terms);
            if (whole.Length > MaxTermLength) whole = whole[..MaxTermLength];
            if (!terms.Contains(whole)) terms.Add(whole);
        }
        return terms;
    }

    /// <summary>
    /// Whether a term takes part in typo matching: 4 to 32 characters and no digit (codes such as SKUs must be typed
    /// exactly; their neighbourhoods would also dwarf the rest of the index).
    /// </summary>
    public static bool HasTypoNeighbourhood(string term) =>
        term.Length is >= MinTypoLength and <= MaxTypoLength && !term.Any(char.IsDigit);

    /// <summary>The distinct strings made by deleting one character of the term (SymSpell's neighbourhood of distance 1).</summary>
    public static List<string> Deletes(string term)
    {
        var variants = new List<string>(term.Length);
        for (var i = 0; i < term.Length; i++)
        {
            var variant = string.Concat(term.AsSpan(0, i), term.AsSpan(i + 1));
            if (!variants.Contains(variant)) variants.Add(variant);
        }
        return variants;
    }

    /// <summary>How many typos a query word may have: 1 from 4 characters, 2 from 8.</summary>
    public static int MaxTypos(string word) => word.Length >= 8 ? 2 : word.Length >= MinTypoLength ? 1 : 0;

    /// <summary>
    /// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), or <paramref name="max"/> + 1
    /// as soon as it must exceed <paramref name="max"/>.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], max + 1);
    }
}
