using System.Text.Json;

namespace Mercato.Kernel.Validation;

/// <summary>
/// U+0000 in text that would be stored: PostgreSQL refuses it (and a refusal while it binds an automatically prepared
/// statement leaves that statement unusable on its connection) while SQLite silently stores it, so input is checked first.
/// </summary>
public static class NulCharacter
{
    public const string Message = "Contains the NUL character (U+0000), which cannot be stored.";

    public static bool IsIn(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal);

    /// <summary>The text with each U+0000 written as <c>\u0000</c>, for messages that quote what was refused.</summary>
    public static string Escape(string text) => text.Replace("\0", "\\u0000", StringComparison.Ordinal);

    /// <summary>Whether any string or property name of the JSON holds U+0000; broken JSON is left to its parser, which reports it precisely.</summary>
    public static bool IsInJson(ReadOnlySpan<byte> json)
    {
        // In JSON a NUL can only arrive escaped (\u0000), so only escaped strings are decoded.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is (JsonTokenType.String or JsonTokenType.PropertyName) && reader.ValueIsEscaped
                    && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                    return true;
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }
}
