using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Kernel.Idempotency;

/// <summary>
/// The first response to a write sent with an <c>Idempotency-Key</c>, kept so that a retry with the same key and body
/// gets the same answer instead of doing the work twice. Keys are scoped to the caller.
/// </summary>
internal sealed class IdempotencyRecord
{
    public string Caller { get; init; } = "";
    public string Key { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("kernel_idempotency_record");
        b.HasKey(r => new { r.Caller, r.Key });
        b.Property(r => r.Caller).HasMaxLength(100);
        b.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(2048);
        b.Property(r => r.ETag).HasMaxLength(200);
        b.HasIndex(r => r.CreatedAt);
    }
}
