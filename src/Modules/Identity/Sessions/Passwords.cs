using Mercato.Identity.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Sessions;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2-HMAC-SHA512, salted, versioned) and the password rules.</summary>
internal sealed class Passwords : IPasswords
{
    public const int MaxLength = 128;

    // The most used passwords of the public breach lists that also pass a length rule; a small list, but the common ones.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop", "qwerty123", "11111111",
        "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1", "abc12345", "passw0rd", "letmein1", "00000000",
        "87654321", "qwertyui", "asdfghjk", "trustno1", "superman", "starwars",
    };

    private readonly PasswordHasher<string> _hasher;
    private readonly int _minLength;
    private readonly Lazy<string> _dummyHash;

    public Passwords(IOptions<IdentityOptions> options)
    {
        _minLength = options.Value.PasswordMinLength;
        _hasher = new PasswordHasher<string>(Options.Create(new PasswordHasherOptions { IterationCount = options.Value.PasswordHashIterations }));
        _dummyHash = new(() => _hasher.HashPassword("", Guid.NewGuid().ToString()));
    }

    public string Hash(string password) => _hasher.HashPassword("", password);

    public bool Verify(string hash, string password, out string? rehashed)
    {
        rehashed = null;
        var result = _hasher.VerifyHashedPassword("", hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded) rehashed = Hash(password);
        return result != PasswordVerificationResult.Failed;
    }

    public void VerifyNothing(string password) => _hasher.VerifyHashedPassword("", _dummyHash.Value, password);

    public string? Problem(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password)) return "Required.";
        if (password.Length < _minLength) return $"At least {_minLength} characters.";
        if (password.Length > MaxLength) return $"At most {MaxLength} characters.";
        if (string.IsNullOrWhiteSpace(password)) return "Must not be only spaces.";
        if (email is not null && password.Trim().Equals(email.Trim(), StringComparison.OrdinalIgnoreCase)) return "Must not be the email address.";
        if (Common.Contains(password)) return "Too common; choose another.";
        return null;
    }
}
