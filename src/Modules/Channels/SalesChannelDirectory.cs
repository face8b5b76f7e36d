using Mercato.Channels.Contracts;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Channels;

internal sealed class SalesChannelDirectory(MercatoDb db) : ISalesChannelDirectory
{
    public async Task<IReadOnlyList<string>> DefaultChannelIdsAsync(CancellationToken ct) =>
        await db.Set<SalesChannel>().Where(c => c.IsDefault).Select(c => c.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var known = await db.Set<SalesChannel>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return [.. ids.Except(known)];
    }
}
