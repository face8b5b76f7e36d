using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Categories;

/// <summary>
/// The categories a storefront can see, in tree order: an inactive category hides its whole subtree, from the
/// navigation, from filters and from product details alike. Trees are small (hundreds of nodes), so one query loads it.
/// </summary>
internal sealed class StoreCategoryTree
{
    private readonly List<Category> _visible;
    private readonly Dictionary<string, int> _positionById;

    private StoreCategoryTree(List<Category> visible)
    {
        _visible = visible;
        _positionById = new Dictionary<string, int>(visible.Count, StringComparer.Ordinal);
        for (var i = 0; i < visible.Count; i++) _positionById[visible[i].Id] = i;
    }

    public IReadOnlyList<Category> Visible => _visible;

    public static async Task<StoreCategoryTree> LoadAsync(MercatoDb db, CancellationToken ct) =>
        Of(await db.Set<Category>().AsNoTracking().ToListAsync(ct));

    /// <summary>The visible part of <paramref name="all"/>: a category is hidden when it or an ancestor is inactive.</summary>
    public static StoreCategoryTree Of(IReadOnlyList<Category> all)
    {
        var hidden = all.Where(c => !c.IsActive).Select(c => c.Path).ToList();
        var visible = all.Where(c => !hidden.Exists(h => c.Path == h || c.Path.StartsWith(h + "/", StringComparison.Ordinal))).ToList();
        visible.Sort(TreeOrder);
        return new StoreCategoryTree(visible);
    }

    /// <summary>The visible category with this id or handle, or null.</summary>
    public Category? Find(string idOrHandle) => _visible.Find(c => c.Id == idOrHandle || c.Handle == idOrHandle);

    /// <summary>The visible ones of these categories, in tree order.</summary>
    public List<Category> InTreeOrder(IEnumerable<string> ids)
    {
        var positions = new List<int>();
        foreach (var id in ids)
        {
            if (_positionById.TryGetValue(id, out var position)) positions.Add(position);
        }
        positions.Sort();
        return [.. positions.Distinct().Select(p => _visible[p])];
    }

    /// <summary>The category and its visible descendants at any depth.</summary>
    public List<string> SubtreeIds(Category root) =>
        [.. _visible.Where(c => c.Path == root.Path || c.Path.StartsWith(root.Path + "/", StringComparison.Ordinal)).Select(c => c.Id)];

    /// <summary>
    /// Pre-order by path, segment by segment. Raw path order puts "men-sale" between "men" and "men/shirts" ('-' sorts
    /// before '/'); a separator below every handle character keeps each subtree right after its parent.
    /// </summary>
    public static int TreeOrder(Category a, Category b)
    {
        var byPath = string.CompareOrdinal(a.Path.Replace('/', '\0'), b.Path.Replace('/', '\0'));
        return byPath != 0 ? byPath : string.CompareOrdinal(a.Id, b.Id);
    }
}
