using BenchmarkDotNet.Attributes;
using Mercato.Promotions.Contracts;
using Mercato.Promotions.Engine;

namespace Mercato.Benchmarks.Promotions;

/// <summary>
/// Promotion evaluation: what <c>PromotionEvaluator.EvaluateAsync</c> does after its reads, for carts of 1 to 100 lines against
/// 1 to 100 active promotions. The promotions cycle through an order percentage, an item percentage on a few products, a fixed
/// amount over a minimum subtotal, buy 2 get 1 and free shipping, some of them exclusive, so ordering and "not combinable"
/// are exercised too.
/// </summary>
[MemoryDiagnoser]
public class PromotionBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private PromotionContext _cart = null!;
    private PromotionRule[] _promotions = [];

    [Params(1, 10, 100)]
    public int Lines { get; set; }

    [Params(1, 10, 100)]
    public int Promotions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var lines = Enumerable.Range(0, Lines).Select(i => new PromotionLine($"line_{i:D3}", $"var_{i}", $"prod_{i % 40}", [$"cat_{i % 6}"], [],
            1 + i % 3, 1_000 + i * 37)).ToList();
        _cart = new PromotionContext("EUR", "reg_eu", "sc_web", PromotionCustomer.Guest, lines, 495, []);
        _promotions = [.. Enumerable.Range(0, Promotions).Select(Promotion)];
    }

    private static PromotionRule Promotion(int n)
    {
        var (action, conditions) = (n % 5) switch
        {
            0 => (new PromotionAction(PromotionActionType.OrderPercentage, PercentBasisPoints: 500 + n % 7 * 100), new PromotionConditions()),
            1 => (new PromotionAction(PromotionActionType.ItemsPercentage, PercentBasisPoints: 1_500),
                new PromotionConditions { ProductIds = [$"prod_{n % 40}", $"prod_{(n + 7) % 40}", $"prod_{(n + 13) % 40}"] }),
            2 => (new PromotionAction(PromotionActionType.OrderFixed, Amount: 500), new PromotionConditions { MinSubtotal = 5_000 }),
            3 => (new PromotionAction(PromotionActionType.BuyXGetY, PercentBasisPoints: 10_000, BuyQuantity: 2, GetQuantity: 1),
                new PromotionConditions { MinQuantity = 3 }),
            _ => (new PromotionAction(PromotionActionType.FreeShipping), new PromotionConditions { CurrencyCodes = ["EUR"] }),
        };
        return new PromotionRule($"promo_{n:D3}", $"Promotion {n}", action, conditions)
        {
            Priority = n % 3, Exclusive = n % 10 == 9, StartsAt = Now.AddDays(-1), EndsAt = Now.AddDays(30),
        };
    }

    [Benchmark(Description = "evaluate a cart's promotions")]
    public int Evaluate() => PromotionEngine.Evaluate(_cart, _promotions, Now).LineDiscounts.Count;
}
