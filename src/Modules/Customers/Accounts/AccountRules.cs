using Mercato.Kernel.Validation;

namespace Mercato.Customers.Accounts;

/// <summary>Field rules shared by the account endpoints.</summary>
internal static class AccountRules
{
    /// <summary>Realm of customer sign-ins in <see cref="Identity.Contracts.ILoginThrottle"/>.</summary>
    public const string ThrottleRealm = "customer";

    /// <summary>The email trimmed and lower-cased (how accounts are stored and found), or null when absent or malformed.</summary>
    public static string? Email(Validator v, string? email, string field = "email")
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            v.Add(field, "Required.");
            return null;
        }
        var normalized = Normalize(email);
        if (!Validator.IsEmail(normalized))
        {
            v.Add(field, "Not an email address.");
            return null;
        }
        return normalized;
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>An optional value: null stays null (unchanged), blank becomes "" (cleared).</summary>
    public static string? Trimmed(string? value) => value?.Trim();
}
