using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Persistence;

/// <summary>
/// Query shapes that let PostgreSQL keep one plan per prepared statement. After five executions it compares the statement's
/// shared (generic) plan with the plans made for each execution's values, and keeps planning for the values whenever the
/// shared plan's estimate looks dearer. For a hot query that costs more than running it.
/// </summary>
public static class SharedPlans
{
    /// <summary>The length PostgreSQL assumes for an array parameter when it makes the shared plan.</summary>
    public const int AssumedArrayLength = 10;

    private static readonly MethodInfo Constant = typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    /// <summary>
    /// <c>Take</c> with the count written into the SQL instead of passed as a parameter. For a LIMIT it cannot see, the shared
    /// plan expects a tenth of the rows and sorts them all. Each count is a statement of its own: use it for page sizes.
    /// </summary>
    public static IQueryable<T> TakeWritten<T>(this IQueryable<T> source, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Queryable.Take(int) puts the count in the tree as a value that EF turns into a parameter; EF.Constant in the tree keeps it.
        var take = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], source.Expression,
            Expression.Call(Constant, Expression.Constant(count)));
        return source.Provider.CreateQuery<T>(take);
    }

    /// <summary>
    /// The values for an <c>= ANY(array)</c> parameter (a <c>Contains</c> over a list), the last repeated up to
    /// <see cref="AssumedArrayLength"/>. The shared plan assumes ten elements; with one to three, each execution's own plan
    /// looked cheaper, and PostgreSQL planned the query anew every time. A repeated value matches nothing more.
    /// </summary>
    public static List<T> PaddedForSharedPlan<T>(IReadOnlyCollection<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var padded = new List<T>(Math.Max(values.Count, AssumedArrayLength));
        padded.AddRange(values);
        while (padded.Count > 0 && padded.Count < AssumedArrayLength) padded.Add(padded[^1]);
        return padded;
    }
}
