using System.Linq.Expressions;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Paging;

public static class KeysetPage
{
    /// <summary>
    /// One page of <paramref name="query"/> in ascending order of a unique string <paramref name="key"/> (an id, a handle),
    /// starting after the cursor's key: checks <c>limit</c> and <c>cursor</c>, reads one row more to know if a page follows.
    /// </summary>
    public static async Task<Result<Page<TOut>>> PageByAsync<T, TOut>(this IQueryable<T> query, Expression<Func<T, string>> key,
        int? limit, string? cursor, Func<T, TOut> map, CancellationToken ct)
    {
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit;
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 1) is not [{ } after]) return ListQuery.InvalidCursor();
            query = query.Where(After(key, after));
        }
        var rows = await query.OrderBy(key).Take(size.Value + 1).ToListAsync(ct);
        var page = rows.Take(size.Value).ToList();
        var next = rows.Count > size.Value ? Cursor.Encode(key.Compile()(page[^1])) : null;
        return new Page<TOut>([.. page.Select(map)], next);
    }

    /// <summary><c>x => key(x).CompareTo(after) &gt; 0</c>, with <paramref name="after"/> as a query parameter.</summary>
    private static Expression<Func<T, bool>> After<T>(Expression<Func<T, string>> key, string after)
    {
        var boundary = Expression.Property(Expression.Constant(new Boundary(after)), nameof(Boundary.Value));
        var compare = Expression.Call(key.Body, typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!, boundary);
        return Expression.Lambda<Func<T, bool>>(Expression.GreaterThan(compare, Expression.Constant(0)), key.Parameters);
    }

    private sealed record Boundary(string Value);
}
