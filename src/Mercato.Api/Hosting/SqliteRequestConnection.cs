using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Api.Hosting;

/// <summary>
/// On SQLite, one open of the context's connection per request instead of one per query. Opening a pooled SQLite
/// connection is not free: the provider registers its dozen SQL functions on it and sets the connection's pragmas every
/// time, which took a fifth of a product page's CPU when each of its queries opened the connection again. PostgreSQL keeps
/// its per-query open and close: that returns the connection to the pool while the request does other work.
/// </summary>
internal static class SqliteRequestConnection
{
    public static TBuilder OpenSqliteOncePerRequest<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<MercatoDb>();
            if (!db.OnSqlite) return await next(context);
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            try
            {
                return await next(context);
            }
            finally
            {
                // The result may still read (it runs after this filter): EF then opens and closes on its own again.
                await db.Database.CloseConnectionAsync();
            }
        });
}
