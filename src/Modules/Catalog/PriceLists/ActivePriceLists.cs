using Mercato.Catalog.Contracts;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.PriceLists;

/// <summary>
/// Remembers whether any price list is active, so that store reads and cart pricing skip the list-price query of every
/// request in the common case of a shop without a running sale. Any price list change forgets the answer (see
/// <see cref="ForgetfulCache"/>). A list that becomes active needs a write, and one that ends by its schedule only makes
/// the (then empty) query run for nothing.
/// </summary>
internal sealed class ActivePriceLists : ForgetfulCache
{
    /// <summary>
    /// False when no price list is active and not ended; true when some may be (the caller then queries). One query per
    /// change of the lists, none otherwise: a list that ends by its schedule keeps the answer true, which costs only the
    /// caller's (then empty) query.
    /// </summary>
    public async Task<bool> MayApplyAsync(MercatoDb db, DateTimeOffset now, CancellationToken ct) =>
        await RememberAsync((db, now), static (s, ct) =>
            s.db.Set<PriceList>().AnyAsync(l => l.Status == PriceList.Active && (l.EndsAt == null || l.EndsAt > s.now), ct), ct);

    protected override bool Concerns(string eventType) =>
        eventType is CatalogEvents.PriceListCreated or CatalogEvents.PriceListUpdated or CatalogEvents.PriceListDeleted;
}
