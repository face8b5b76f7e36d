using Mercato.Kernel.Ids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Kernel.Jobs;

/// <summary>
/// A row of <c>kernel_jobs</c>. A worker owns a running job while <see cref="LockedUntil"/> is ahead (it renews the lease
/// while the handler runs); once the lease has passed, any worker may claim the job again.
/// </summary>
internal sealed class Job
{
    private Job()
    {
    }

    public Job(string type, string payload, DateTimeOffset runAt, DateTimeOffset now, TimeProvider time)
    {
        Id = EntityId.New("job", time);
        Type = type;
        Payload = payload;
        RunAt = runAt;
        CreatedAt = now;
    }

    public string Id { get; private init; } = "";
    public string Type { get; private init; } = "";
    public string Payload { get; private init; } = "";
    /// <summary>Unique when set: one row per recurring job.</summary>
    public string? Key { get; set; }
    public string State { get; set; } = JobStates.Queued;
    public DateTimeOffset RunAt { get; set; }
    public int Attempts { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Set on recurring jobs: after each run the job is queued again this many seconds later.</summary>
    public int? RecurSeconds { get; set; }

    public JobStatus ToStatus() => new(Id, Type, State, Attempts, RunAt, CreatedAt, FinishedAt, LastError);
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("kernel_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).HasMaxLength(40);
        b.Property(j => j.Type).HasMaxLength(100);
        b.Property(j => j.Key).HasMaxLength(100);
        b.HasIndex(j => j.Key).IsUnique();
        b.Property(j => j.State).HasMaxLength(20);
        b.Property(j => j.LockedBy).HasMaxLength(100);
        b.Property(j => j.LastError).HasMaxLength(2000);
        b.HasIndex(j => new { j.State, j.RunAt });
    }
}
