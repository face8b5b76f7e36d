using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Mercato.Kernel.Money;

/// <summary>An ISO 4217 currency with its number of minor digits (JPY 0, USD 2, KWD 3).</summary>
public readonly record struct Currency
{
    private static readonly FrozenDictionary<string, int> MinorDigits = new Dictionary<string, int>
    {
        ["AED"] = 2, ["ARS"] = 2, ["AUD"] = 2, ["BGN"] = 2, ["BHD"] = 3, ["BRL"] = 2, ["CAD"] = 2, ["CHF"] = 2,
        ["CLP"] = 0, ["CNY"] = 2, ["COP"] = 2, ["CZK"] = 2, ["DKK"] = 2, ["EGP"] = 2, ["EUR"] = 2, ["GBP"] = 2,
        ["HKD"] = 2, ["HUF"] = 2, ["IDR"] = 2, ["ILS"] = 2, ["INR"] = 2, ["ISK"] = 0, ["JOD"] = 3, ["JPY"] = 0,
        ["KES"] = 2, ["KRW"] = 0, ["KWD"] = 3, ["MAD"] = 2, ["MXN"] = 2, ["MYR"] = 2, ["NGN"] = 2, ["NOK"] = 2,
        ["NZD"] = 2, ["OMR"] = 3, ["PEN"] = 2, ["PHP"] = 2, ["PKR"] = 2, ["PLN"] = 2, ["QAR"] = 2, ["RON"] = 2,
        ["RSD"] = 2, ["SAR"] = 2, ["SEK"] = 2, ["SGD"] = 2, ["THB"] = 2, ["TND"] = 3, ["TRY"] = 2, ["TWD"] = 2,
        ["UAH"] = 2, ["USD"] = 2, ["VND"] = 0, ["ZAR"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Currency(string code) => Code = code;

    public string Code { get; }

    public int Digits => MinorDigits[Code];

    public static IEnumerable<string> KnownCodes => MinorDigits.Keys;

    /// <summary>Accepts a known ISO 4217 code in any letter case.</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        if (code is null || code.Length != 3) return false;
        var upper = code.ToUpperInvariant();
        if (!MinorDigits.ContainsKey(upper)) return false;
        currency = new Currency(upper);
        return true;
    }

    public static Currency Of(string code) =>
        TryParse(code, out var currency) ? currency.Value : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    public override string ToString() => Code;
}
