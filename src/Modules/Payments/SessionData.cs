using System.Text.Json;
using Mercato.Kernel.Errors;

namespace Mercato.Payments;

/// <summary>
/// Session data is for tokens and ids from a provider's front-end library. Anything that looks like card data is refused
/// before it is stored or logged, so Mercato never falls into PCI DSS scope by accident.
/// </summary>
internal static class SessionData
{
    public const int MaxBytes = 4000;

    private static readonly HashSet<string> CardFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "number", "cardNumber", "card_number", "pan", "cvc", "cvv", "cvv2", "cvc2", "securityCode", "security_code",
        "expMonth", "exp_month", "expYear", "exp_year", "expiry", "expiration", "track1", "track2", "card",
    };

    public static Error? Check(JsonElement? data, string field = "data")
    {
        if (data is not { } d || d.ValueKind == JsonValueKind.Null) return null;
        if (d.ValueKind != JsonValueKind.Object) return Error.Validation(field, "An object, or null.");
        if (d.GetRawText().Length > MaxBytes) return Error.Validation(field, $"At most {MaxBytes} characters of JSON.");
        return Find(d, field) is { } path ? PaymentErrors.CardDataRefused(path) : null;
    }

    private static string? Find(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path + "." + property.Name;
                if (CardFields.Contains(property.Name)) return child;
                if (Find(property.Value, child) is { } found) return found;
            }
        }
        else if (element.ValueKind == JsonValueKind.String && LooksLikeCardNumber(element.GetString()!))
        {
            return path;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (Find(item, $"{path}[{i++}]") is { } found) return found;
            }
        }
        return null;
    }

    /// <summary>13 to 19 digits (spaces and dashes allowed) that pass the Luhn check.</summary>
    private static bool LooksLikeCardNumber(string value)
    {
        var digits = value.Where(c => c is not (' ' or '-')).ToArray();
        if (digits.Length is < 13 or > 19 || !digits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
