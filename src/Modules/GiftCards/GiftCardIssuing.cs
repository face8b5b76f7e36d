using System.Globalization;
using System.Text;
using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Email;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.GiftCards;

/// <summary>
/// Gift cards sold as products (ADR 9): one card per fulfilled unit, its code emailed once and never stored; revoked when the
/// line is refunded, only while never spent.
/// </summary>
internal sealed class GiftCardIssuing(MercatoDb db, IEmailSender email, TimeProvider time) : IGiftCardIssuing
{
    public const string EmailKind = "gift_card.issued";

    public static string SourceKey(string orderLineId, int unit) => $"{orderLineId}/{unit.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IReadOnlyList<IssuedGiftCard>> IssueForOrderAsync(GiftCardIssueRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var units = request.Lines.Where(l => l.FaceValue > 0)
            .SelectMany(l => Enumerable.Range(l.FirstUnit, Math.Max(l.Count, 0)).Select(unit => (Line: l, Unit: unit, Key: SourceKey(l.OrderLineId, unit))))
            .ToList();
        if (units.Count == 0) return [];
        var keys = units.Select(u => u.Key).ToList();
        var existing = (await db.Set<GiftCard>().AsNoTracking().Where(c => keys.Contains(c.SourceKey!)).Select(c => c.SourceKey!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var issued = new List<IssuedGiftCard>();
        var lines = new List<string>();
        foreach (var (line, unit, key) in units.Where(u => !existing.Contains(u.Key)))
        {
            var code = GiftCardCode.New();
            var card = new GiftCard(GiftCardCode.Normalize(code)!, request.Currency, line.FaceValue, null, request.CustomerId,
                $"Order #{request.OrderNumber.ToString(CultureInfo.InvariantCulture)}", time)
            { SourceKey = key };
            db.Add(card);
            db.Add(new GiftCardTransaction(card.Id, GiftCardTransactionKind.Issued, card.Balance, card.Balance, request.OrderId, null,
                "sold", actor, time));
            issued.Add(new IssuedGiftCard(line.OrderLineId, unit, card.Id, card.Last4));
            lines.Add($"- {line.Title}: {Amount(line.FaceValue, request.Currency)}  code {code}");
        }
        if (issued.Count == 0) return [];

        // The codes exist only here and in this email: the email row is saved with the cards, in the caller's transaction.
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Thank you for order #{request.OrderNumber}. Your gift card{(issued.Count == 1 ? "" : "s")}:")
            .AppendLine();
        foreach (var line in lines) body.AppendLine(line);
        body.AppendLine().AppendLine("Enter a code at checkout to pay with it. Keep it safe: anyone with the code can spend the balance.");
        await email.SendAsync(new EmailMessage(request.Email, EmailKind,
            issued.Count == 1 ? $"Your gift card from order #{request.OrderNumber}" : $"Your {issued.Count} gift cards from order #{request.OrderNumber}",
            body.ToString()), ct);
        return issued;
    }

    public async Task<Result<string[]>> PlanRevokeAsync(IReadOnlyList<string> giftCardIds, int count, CancellationToken ct)
    {
        if (count <= 0) return Array.Empty<string>();
        var ids = giftCardIds.ToList();
        var cards = await db.Set<GiftCard>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var unspent = ids.Where(id => cards.TryGetValue(id, out var c) && Unspent(c)).ToList();
        if (unspent.Count < count) return GiftCardProblems.Spent(count, unspent.Count);
        return unspent.Take(count).ToArray();
    }

    public async Task RevokeAsync(string orderId, IReadOnlyList<string> giftCardIds, string? reason, string actor, CancellationToken ct)
    {
        var ids = giftCardIds.ToList();
        // Tracked: saved with the caller's refund; a concurrent redemption moves the card's version and the save fails.
        foreach (var card in await db.Set<GiftCard>().Where(c => ids.Contains(c.Id)).ToListAsync(ct))
        {
            var written = card.Balance;
            card.Balance = 0;
            card.Status = GiftCardStatus.Disabled;
            card.UpdatedAt = time.GetUtcNow();
            db.Add(new GiftCardTransaction(card.Id, GiftCardTransactionKind.Revoked, -written, 0, orderId, null, reason ?? "order line refunded",
                actor, time));
        }
    }

    private static bool Unspent(GiftCard c) => c.Status == GiftCardStatus.Active && c.Balance == c.InitialAmount;

    /// <summary>25.00 USD: the amount in major units with the currency's digits.</summary>
    internal static string Amount(long minor, string currency)
    {
        var digits = Kernel.Money.Currency.Of(currency).Digits;
        var value = (decimal)minor / (decimal)Math.Pow(10, digits);
        return $"{value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {currency}";
    }
}
