using System.Text.RegularExpressions;
using Mercato.Kernel.Email;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>Reads the emails the app "sent" (the default sender keeps them in the outbox table).</summary>
public static partial class Outbox
{
    public static async Task<IReadOnlyList<(string Kind, string Subject, string Body)>> EmailsToAsync(this MercatoApp app, string to)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var normalized = to.Trim().ToLowerInvariant();
        var rows = await db.Set<EmailOutboxMessage>().AsNoTracking().Where(m => m.To == normalized || m.To == to)
            .OrderBy(m => m.Id).Select(m => new { m.Kind, m.Subject, m.TextBody }).ToListAsync();
        return [.. rows.Select(r => (r.Kind, r.Subject, r.TextBody))];
    }

    /// <summary>The one-time token in the newest email of <paramref name="kind"/> to <paramref name="to"/>.</summary>
    public static async Task<string> TokenFromLastEmailAsync(this MercatoApp app, string to, string kind)
    {
        var email = (await app.EmailsToAsync(to)).Last(e => e.Kind == kind);
        return Uri.UnescapeDataString(TokenInLink().Match(email.Body).Groups[1].Value);
    }

    [GeneratedRegex(@"[?&]token=([^\s&]+)")]
    private static partial Regex TokenInLink();
}
