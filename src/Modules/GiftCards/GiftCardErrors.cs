using Mercato.GiftCards.Contracts;
using Mercato.Kernel.Errors;

namespace Mercato.GiftCards;

internal static class GiftCardErrors
{
    /// <summary>One answer for every card that cannot pay, so it reveals nothing about which codes exist.</summary>
    public static Error Invalid() => GiftCardProblems.Invalid();

    public static Error NotFound(string id) => Error.NotFound("gift card", id);

    public static Error TooMany(int max) =>
        Error.Conflict("too_many_gift_cards", $"A cart holds at most {max} gift cards.");

    public static Error Disabled(string id) => Error.Conflict("gift_card_disabled", $"Gift card '{id}' is disabled.");

    public static Error BalanceBelowZero(long balance, long amount) =>
        Error.Validation("amount", $"The balance ({balance}) cannot go below zero (adjustment {amount}).");
}
