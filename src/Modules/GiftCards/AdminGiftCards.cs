using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Money;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.GiftCards;

internal sealed record GiftCardTransactionResponse(string Id, string Kind, MoneyDto Amount, MoneyDto BalanceAfter, string? OrderId,
    string? Reason, string? Actor, DateTimeOffset CreatedAt);

/// <summary>A card in the back office: never its code, only the last 4 characters (<c>code</c> is set once, in the issue response).</summary>
internal sealed record GiftCardResponse(string Id, string Last4, string Currency, MoneyDto InitialAmount, MoneyDto Balance,
    string Status, DateTimeOffset? ExpiresAt, string? CustomerId, string? Note, int Version, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, IReadOnlyList<GiftCardTransactionResponse>? Transactions = null, string? Code = null)
{
    public static GiftCardResponse From(GiftCard c, IEnumerable<GiftCardTransaction>? ledger = null, string? code = null) =>
        new(c.Id, c.Last4, c.Currency, new MoneyDto(c.InitialAmount, c.Currency), new MoneyDto(c.Balance, c.Currency),
            Name(c.Status), c.ExpiresAt, c.CustomerId, c.Note, c.Version, c.CreatedAt, c.UpdatedAt,
            ledger?.Select(t => new GiftCardTransactionResponse(t.Id, Name(t.Kind), new MoneyDto(t.Amount, c.Currency),
                new MoneyDto(t.BalanceAfter, c.Currency), t.OrderId, t.Reason, t.Actor, t.CreatedAt)).ToList(), code);

    public static string Name(GiftCardStatus s) => s == GiftCardStatus.Active ? "active" : "disabled";

    public static string Name(GiftCardTransactionKind k) => k.ToString().ToLowerInvariant();
}

/// <summary>Gift cards in the back office: issue, list, read with the ledger, disable, adjust the balance.</summary>
internal static class AdminGiftCards
{
    public sealed record IssueRequest(long? Amount, string? Currency, DateTimeOffset? ExpiresAt, string? CustomerId, string? Note);

    /// <summary>A signed change of the balance (<c>-500</c> takes 5.00 off) and why, for the ledger.</summary>
    public sealed record AdjustRequest(long? Amount, string? Reason);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/gift-cards").WithTags("Gift cards")
            .RequirePermissions(Permissions.GiftCardsRead, Permissions.GiftCardsWrite);
        group.MapGet("/", List).WithName("ListGiftCards").WithSummary("List gift cards (filter by status, customer, last 4)");
        group.MapGet("/{id}", Get).WithName("GetGiftCard").WithSummary("Get a gift card with its ledger");
        group.MapPost("/", Issue).WithName("IssueGiftCard").WithSummary("Issue a gift card (its code is shown only in this response)");
        group.MapPost("/{id}/disable", Disable).WithName("DisableGiftCard").WithSummary("Disable a gift card (If-Match)");
        group.MapPost("/{id}/adjustments", Adjust).WithName("AdjustGiftCard")
            .WithSummary("Adjust a gift card's balance with a reason (If-Match)");
    }

    private static async Task<Results<Ok<Page<GiftCardResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        string? status, string? customerId, string? last4, CancellationToken ct)
    {
        var query = db.Set<GiftCard>().AsNoTracking();
        if (status is not null)
        {
            if (status is not ("active" or "disabled")) return Error.Validation("status", "Must be active or disabled.").ToProblem();
            var wanted = status == "active" ? GiftCardStatus.Active : GiftCardStatus.Disabled;
            query = query.Where(c => c.Status == wanted);
        }
        if (customerId is not null) query = query.Where(c => c.CustomerId == customerId);
        if (last4 is not null)
        {
            var normalized = last4.Trim().ToUpperInvariant();
            if (normalized.Length != 4) return Error.Validation("last4", "The last 4 characters of the code.").ToProblem();
            query = query.Where(c => c.Last4 == normalized);
        }
        var page = await query.PageByAsync(c => c.Id, limit, cursor, c => GiftCardResponse.From(c), ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<GiftCardResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var card = await db.Set<GiftCard>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return GiftCardErrors.NotFound(id).ToProblem();
        http.SetETag(card.Version);
        return TypedResults.Ok(GiftCardResponse.From(card, await LedgerAsync(db, id, ct)));
    }

    private static async Task<Results<Created<GiftCardResponse>, ProblemHttpResult>> Issue(IssueRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var v = new Validator().Range("amount", request.Amount, 1, Money.MaxAmount).Currency("currency", request.Currency, out var currency)
            .MaxLength("customerId", request.CustomerId, 40).MaxLength("note", request.Note, GiftCard.NoteLength);
        if (request.Amount is null) v.Add("amount", "Required.");
        if (request.ExpiresAt is { } expires && expires <= now) v.Add("expiresAt", "Must be in the future.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();

        var code = GiftCardCode.New();
        var card = new GiftCard(GiftCardCode.Normalize(code)!, currency!.Value.Code, request.Amount!.Value, request.ExpiresAt,
            string.IsNullOrWhiteSpace(request.CustomerId) ? null : request.CustomerId.Trim(),
            string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), time);
        var issued = new GiftCardTransaction(card.Id, GiftCardTransactionKind.Issued, card.Balance, card.Balance, null, null, null,
            http.User.AdminActor(), time);
        db.Add(card);
        db.Add(issued);
        await db.SaveChangesAsync(ct);
        http.SetETag(card.Version);
        return TypedResults.Created($"/admin/gift-cards/{card.Id}", GiftCardResponse.From(card, [issued], code));
    }

    private static async Task<Results<Ok<GiftCardResponse>, ProblemHttpResult>> Disable(string id, MercatoDb db, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var card = await db.Set<GiftCard>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return GiftCardErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(card.Version) is { } stale) return stale.ToProblem();
        if (card.Status != GiftCardStatus.Disabled)
        {
            card.Status = GiftCardStatus.Disabled;
            card.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        http.SetETag(card.Version);
        return TypedResults.Ok(GiftCardResponse.From(card, await LedgerAsync(db, id, ct)));
    }

    private static async Task<Results<Ok<GiftCardResponse>, ProblemHttpResult>> Adjust(string id, AdjustRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Range("amount", request.Amount, -Money.MaxAmount, Money.MaxAmount).Required("reason", request.Reason, 500);
        if (request.Amount is null or 0) v.Add("amount", "A non-zero signed amount is required.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var card = await db.Set<GiftCard>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (card is null) return GiftCardErrors.NotFound(id).ToProblem();
        if (http.CheckIfMatch(card.Version) is { } stale) return stale.ToProblem();
        var amount = request.Amount!.Value;
        if (card.Balance + amount < 0) return GiftCardErrors.BalanceBelowZero(card.Balance, amount).ToProblem();
        if (card.Balance + amount > Money.MaxAmount) return Error.Validation("amount", "The balance would exceed the maximum amount.").ToProblem();
        card.Balance += amount;
        card.UpdatedAt = time.GetUtcNow();
        db.Add(new GiftCardTransaction(card.Id, GiftCardTransactionKind.Adjusted, amount, card.Balance, null, null, request.Reason!.Trim(),
            http.User.AdminActor(), time));
        // The card's version guards a concurrent redemption or adjustment: the loser gets 409 version_conflict.
        await db.SaveChangesAsync(ct);
        http.SetETag(card.Version);
        return TypedResults.Ok(GiftCardResponse.From(card, await LedgerAsync(db, id, ct)));
    }

    private static async Task<List<GiftCardTransaction>> LedgerAsync(MercatoDb db, string id, CancellationToken ct) =>
        (await db.Set<GiftCardTransaction>().AsNoTracking().Where(t => t.GiftCardId == id).ToListAsync(ct))
        .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
}
