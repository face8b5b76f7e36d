using Mercato.Kernel.Persistence;
using Mercato.Regions.Contracts;

namespace Mercato.Regions;

/// <summary>Regions for other modules, from <see cref="KnownRegions"/>: no query while the regions have not changed.</summary>
internal sealed class RegionDirectory(MercatoDb db, KnownRegions known) : IRegionDirectory
{
    public async Task<RegionSummary?> FindAsync(string regionId, CancellationToken ct) =>
        (await known.GetAsync(db, ct)).ById.GetValueOrDefault(regionId);

    public async Task<RegionSummary?> DefaultAsync(CancellationToken ct) =>
        (await known.GetAsync(db, ct)).All is { Count: > 0 } all ? all[0] : null;

    public async Task<IReadOnlyList<RegionSummary>> ListAsync(CancellationToken ct) => (await known.GetAsync(db, ct)).All;
}
