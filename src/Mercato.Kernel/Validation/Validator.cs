using System.Text.RegularExpressions;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Money;

namespace Mercato.Kernel.Validation;

/// <summary>
/// Collects field errors under camelCase JSON paths (<c>variants[0].sku</c>), so clients can point at the field.
/// </summary>
public sealed partial class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validator Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Required.");
        return MaxLength(field, value, maxLength);
    }

    public Validator MaxLength(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? Add(field, $"At most {maxLength} characters.") : this;

    /// <summary>A required email address (see <see cref="IsEmail"/>).</summary>
    public Validator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "Required.");
        return IsEmail(value.Trim()) ? this : Add(field, "Not an email address.");
    }

    /// <summary>One @ with text on both sides, no spaces, at most 254 characters (RFC 5321): what can receive mail, roughly.</summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= 254 && at >= 1 && at < value.Length - 1 && !value.Any(char.IsWhiteSpace) && value.Count(c => c == '@') == 1;
    }

    public Validator Handle(string field, string? value)
    {
        if (value is null) return this;
        if (value.Length is 0 or > 200 || !HandlePattern().IsMatch(value))
            return Add(field, "Lowercase letters, digits and single hyphens, 1 to 200 characters (e.g. linen-shirt).");
        return this;
    }

    public Validator Range(string field, long? value, long min, long max) =>
        value is { } v && (v < min || v > max) ? Add(field, $"Must be between {min} and {max}.") : this;

    public Validator Currency(string field, string? code, out Currency? currency)
    {
        if (!Money.Currency.TryParse(code, out currency)) Add(field, "Not a supported ISO 4217 currency code.");
        return this;
    }

    public Validator Count<T>(string field, IReadOnlyCollection<T>? items, int max) =>
        items is not null && items.Count > max ? Add(field, $"At most {max} items.") : this;

    public Validator Metadata(string field, System.Text.Json.JsonElement? metadata)
    {
        if (metadata is not { } m) return this;
        if (m.ValueKind != System.Text.Json.JsonValueKind.Object) return Add(field, "Must be a JSON object.");
        if (m.GetRawText().Length > 16_384) Add(field, "At most 16 KiB of JSON.");
        return this;
    }

    public Error? ToError() => IsValid ? null : Error.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex HandlePattern();
}
