using Mercato.Kernel.Ids;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;

namespace Mercato.Kernel.Email;

/// <summary>An email to one recipient. <see cref="Kind"/> names the template (<c>customer.password_reset</c>...).</summary>
public sealed record EmailMessage(string To, string Kind, string Subject, string TextBody);

/// <summary>
/// Sends transactional email. The default keeps every message in the <c>kernel_email_outbox</c> table (which tests read and
/// a delivery worker or a plugged-in provider sends from) and logs that it did, never the body: bodies carry one-time tokens.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

internal sealed class OutboxEmailSender(MercatoDb db, TimeProvider time, ILogger<OutboxEmailSender> log) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var row = new EmailOutboxMessage(message, time.GetUtcNow(), time);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("Email {Kind} to {Recipient} queued as {MessageId}", message.Kind, Mask(message.To), row.Id);
    }

    /// <summary>Enough of the address to tell messages apart in a log, not enough to harvest it.</summary>
    internal static string Mask(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }
}

internal sealed class EmailOutboxMessage
{
    private EmailOutboxMessage()
    {
    }

    public EmailOutboxMessage(EmailMessage message, DateTimeOffset now, TimeProvider time)
    {
        Id = EntityId.New("email", time);
        To = message.To;
        Kind = message.Kind;
        Subject = message.Subject;
        TextBody = message.TextBody;
        CreatedAt = now;
    }

    public string Id { get; private init; } = "";
    public string To { get; private init; } = "";
    public string Kind { get; private init; } = "";
    public string Subject { get; private init; } = "";
    public string TextBody { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class EmailOutboxMessageConfiguration : IEntityTypeConfiguration<EmailOutboxMessage>
{
    public void Configure(EntityTypeBuilder<EmailOutboxMessage> b)
    {
        b.ToTable("kernel_email_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasMaxLength(40);
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Kind).HasMaxLength(100);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.HasIndex(m => new { m.To, m.CreatedAt });
    }
}
