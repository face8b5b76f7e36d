namespace Mercato.Kernel.Money;

/// <summary>An amount in the currency's minor unit (cents for USD, yen for JPY). Never a float.</summary>
public readonly record struct Money(long Amount, Currency Currency)
{
    /// <summary>Upper bound for any single price: a billion major units keeps every total far from overflow.</summary>
    public const long MaxAmount = 100_000_000_000;

    public static Money operator +(Money a, Money b) => new(checked(a.Amount + Same(a, b).Amount), a.Currency);

    public static Money operator -(Money a, Money b) => new(checked(a.Amount - Same(a, b).Amount), a.Currency);

    public static Money Zero(Currency currency) => new(0, currency);

    public Money Times(int quantity) => this with { Amount = checked(Amount * quantity) };

    /// <summary>Splits by weights; remainders go to the first parts so the parts always sum to the whole.</summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<long> weights)
    {
        var total = weights.Sum();
        if (weights.Count == 0 || total <= 0 || weights.Any(w => w < 0)) throw new ArgumentException("Weights must be positive.", nameof(weights));
        var (amount, currency) = (Amount, Currency);
        var parts = weights.Select(w => (long)((Int128)amount * w / total)).ToArray();
        var remainder = amount - parts.Sum();
        for (var i = 0; remainder != 0; i = (i + 1) % parts.Length)
        {
            var step = Math.Sign(remainder);
            parts[i] += step;
            remainder -= step;
        }
        return parts.Select(p => new Money(p, currency)).ToArray();
    }

    private static Money Same(Money a, Money b) =>
        a.Currency == b.Currency ? b : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");

    public MoneyDto ToDto() => new(Amount, Currency.Code);
}

/// <summary>Wire shape of money: <c>{ "amount": 1999, "currency": "USD" }</c>.</summary>
public sealed record MoneyDto(long Amount, string Currency);
