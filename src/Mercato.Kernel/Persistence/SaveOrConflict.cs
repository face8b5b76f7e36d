using Mercato.Kernel.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Kernel.Persistence;

public static class SaveOrConflict
{
    /// <summary>
    /// Saves. When the write fails because a concurrent request took a unique value (handle, SKU...) after this one's
    /// pre-check, <paramref name="recheck"/> runs again and its specific conflict (handle_taken...) is answered instead of
    /// a generic one; any other failure is rethrown.
    /// </summary>
    public static async Task<Error?> SaveOrConflictAsync(this MercatoDb db, Func<Task<Error?>> recheck, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            if (await recheck() is { } conflict) return conflict;
            throw;
        }
    }
}
