using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Persistence;

public static class QueryableLimits
{
    private static readonly MethodInfo Constant = typeof(EF).GetMethod(nameof(EF.Constant))!.MakeGenericMethod(typeof(int));

    /// <summary>
    /// <c>Take</c> with the count written into the SQL instead of passed as a parameter. For a LIMIT it cannot see, PostgreSQL's
    /// shared plan of a statement expects a tenth of the rows and sorts them all, so it plans such a page query for its values at
    /// every execution, and that can cost more than running it. Each count is a statement of its own: use it for page sizes.
    /// </summary>
    public static IQueryable<T> TakeWritten<T>(this IQueryable<T> source, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        // Queryable.Take(int) puts the count in the tree as a value that EF turns into a parameter; EF.Constant in the tree keeps it.
        var take = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], source.Expression,
            Expression.Call(Constant, Expression.Constant(count)));
        return source.Provider.CreateQuery<T>(take);
    }
}
