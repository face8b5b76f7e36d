using Mercato.Channels;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

/// <summary>
/// A save compares the tracked entities with their snapshots once before its own steps (versions, event numbers, the search
/// index) and once in EF after them, however often those steps read the tracked entries.
/// </summary>
public sealed class ChangeScanTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_save_that_raises_an_event_scans_for_changes_twice_and_stores_the_change_with_its_next_version()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await NewChannelAsync(ct);
        int versionBefore;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
            var channel = await db.Set<SalesChannel>().SingleAsync(c => c.Id == id, ct);
            versionBefore = channel.Version;
            channel.Name = "Renamed";
            scope.ServiceProvider.GetRequiredService<IDomainEvents>().Raise("sales_channel.updated", id, new { id });
            var scans = 0;
            db.ChangeTracker.DetectingAllChanges += (_, _) => scans++;

            await db.SaveChangesAsync(ct);

            // Versions, the event count, the event numbers, the committed list and the search index each read the entries;
            // reading them used to scan again every time (eight scans for this save).
            Assert.Equal(2, scans);
        }

        await using (var scope = app.Scope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<SalesChannel>().AsNoTracking()
                .SingleAsync(c => c.Id == id, ct);
            Assert.Equal("Renamed", saved.Name);
            Assert.Equal(versionBefore + 1, saved.Version);
        }
    }

    [Fact]
    public async Task Scanned_entries_show_the_last_scan_and_leave_automatic_scans_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await NewChannelAsync(ct);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var channel = await db.Set<SalesChannel>().SingleAsync(c => c.Id == id, ct);

        channel.Description = "changed after the last scan";

        Assert.Equal(EntityState.Unchanged, db.ScannedEntries<SalesChannel>().Single(e => e.Entity.Id == id).State);
        Assert.Equal(EntityState.Unchanged, db.ScannedEntries().Single(e => e.Entity == channel).State);
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        Assert.Equal(EntityState.Modified, db.ChangeTracker.Entries<SalesChannel>().Single(e => e.Entity.Id == id).State);
    }

    private async Task<string> NewChannelAsync(CancellationToken ct)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var channel = new SalesChannel($"Scan {Guid.NewGuid():N}", null, isDefault: false, TimeProvider.System);
        db.Add(channel);
        await db.SaveChangesAsync(ct);
        return channel.Id;
    }
}
