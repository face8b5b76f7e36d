using CsCheck;
using Mercato.GiftCards;

namespace Mercato.UnitTests.GiftCards;

/// <summary>Gift card codes and how cards pay a total and get refunds back.</summary>
public class GiftCardRulesTests
{
    private static GiftCardAllocation.Candidate Card(string id, long balance, string currency = "USD", bool usable = true) =>
        new(id, id[^4..], currency, balance, usable);

    [Fact]
    public void Codes_have_80_random_bits_in_groups_and_normalize_like_crockford()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => GiftCardCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        foreach (var code in codes)
        {
            Assert.Matches("^GC-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", code);
            // Only the leading "GC-" is a prefix: a group may itself end in "GC".
            Assert.Equal(code[3..].Replace("-", "", StringComparison.Ordinal), GiftCardCode.Normalize(code));
        }
        Assert.Equal(80, GiftCardCode.Length * (int)Math.Log2(GiftCardCode.Alphabet.Length));
        Assert.Equal("0123456789ABCDEF", GiftCardCode.Normalize("gc-O123 4567-89ab-cdef"));
        Assert.Equal("1100000000000000", GiftCardCode.Normalize("IL00-0000-0000-0000"));
        Assert.Null(GiftCardCode.Normalize("GC-0000-0000-0000-000U"));
        Assert.Null(GiftCardCode.Normalize("GC-0000-0000-0000"));
        Assert.Null(GiftCardCode.Normalize(""));
        Assert.Equal(64, GiftCardCode.HashHex("0123456789ABCDEF").Length);
    }

    [Fact]
    public void Cards_pay_in_the_order_they_were_added_each_up_to_its_balance()
    {
        var plan = GiftCardAllocation.Allocate([Card("gc_a001", 1000), Card("gc_b002", 5000), Card("gc_c003", 700)], "USD", 3000);

        Assert.Equal([1000L, 2000L, 0L], plan.Cards.Select(c => c.Applied));
        Assert.Equal([0L, 3000L, 700L], plan.Cards.Select(c => c.BalanceAfter));
        Assert.Equal(0, plan.AmountDue);
    }

    [Fact]
    public void A_card_in_another_currency_or_that_cannot_pay_takes_nothing()
    {
        var plan = GiftCardAllocation.Allocate([Card("gc_a001", 1000, "EUR"), Card("gc_b002", 1000, usable: false), Card("gc_c003", 400)],
            "USD", 3000);

        Assert.Equal([0L, 0L, 400L], plan.Cards.Select(c => c.Applied));
        Assert.Equal(2600, plan.AmountDue);
    }

    [Fact]
    public void Allocation_never_pays_more_than_the_total_nor_takes_a_balance_below_zero()
    {
        Gen.Select(Gen.Long[0, 1_000_000].Array[0, 6], Gen.Long[-10, 2_000_000]).Sample((balances, total) =>
        {
            var plan = GiftCardAllocation.Allocate(balances.Select((b, i) => Card($"gc_{i:D4}", b)), "USD", total);
            Assert.Equal(Math.Max(total, 0), plan.Applied + plan.AmountDue);
            Assert.True(plan.AmountDue >= 0);
            Assert.All(plan.Cards, c => Assert.True(c.Applied >= 0 && c.BalanceAfter >= 0));
            Assert.Equal(Math.Min(Math.Max(total, 0), balances.Sum()), plan.Applied);
        });
    }

    [Fact]
    public void A_refund_credits_each_card_up_to_what_it_paid_and_not_yet_got_back()
    {
        var credits = GiftCardAllocation.Credits([("gc_a", 1000, 1000), ("gc_b", 800, 300), ("gc_c", 400, 0)], 700);

        Assert.Equal([("gc_b", 500L), ("gc_c", 200L)], credits);
        Assert.Empty(GiftCardAllocation.Credits([("gc_a", 1000, 1000)], 500));
        Assert.Equal(400, GiftCardAllocation.Credits([("gc_a", 400, 0)], 10_000).Sum(c => c.Amount));
    }
}
