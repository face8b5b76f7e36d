namespace Mercato.Customers;

/// <summary>Settings under <c>Mercato:Customers</c>.</summary>
internal sealed class CustomersOptions
{
    /// <summary>Where the storefront runs: links in verification and password-reset emails point there.</summary>
    public string StorefrontUrl { get; set; } = "http://localhost:3000";

    /// <summary>How long an email verification link works.</summary>
    public int VerificationTokenHours { get; set; } = 24;

    /// <summary>How long a password-reset link works.</summary>
    public int PasswordResetTokenMinutes { get; set; } = 60;
}
