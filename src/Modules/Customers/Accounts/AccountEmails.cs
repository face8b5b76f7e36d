using Mercato.Identity.Contracts;
using Mercato.Kernel.Email;
using Microsoft.Extensions.Options;

namespace Mercato.Customers.Accounts;

/// <summary>The one-time links sent to customers: email verification and password reset, pointing at the storefront.</summary>
internal sealed class AccountEmails(IOneTimeTokens tokens, IEmailSender email, IOptions<CustomersOptions> options)
{
    public async Task SendVerificationAsync(Customer customer, CancellationToken ct)
    {
        var o = options.Value;
        var token = await tokens.IssueAsync(TokenPurposes.CustomerEmailVerification, customer.Id, TimeSpan.FromHours(o.VerificationTokenHours), ct);
        var link = Link("/account/verify", token);
        await email.SendAsync(new EmailMessage(customer.Email, TokenPurposes.CustomerEmailVerification, "Confirm your email address",
            $"Hello {customer.FirstName},\n\nplease confirm your email address by opening this link:\n{link}\n\n" +
            $"The link works once, for {o.VerificationTokenHours} hours. If you did not create an account, ignore this email.\n"), ct);
    }

    public async Task SendPasswordResetAsync(Customer customer, CancellationToken ct)
    {
        var o = options.Value;
        var token = await tokens.IssueAsync(TokenPurposes.CustomerPasswordReset, customer.Id, TimeSpan.FromMinutes(o.PasswordResetTokenMinutes), ct);
        var link = Link("/account/reset-password", token);
        await email.SendAsync(new EmailMessage(customer.Email, TokenPurposes.CustomerPasswordReset, "Reset your password",
            $"Hello {customer.FirstName},\n\nsomeone asked to reset the password of your account. To choose a new one, open this link:\n{link}\n\n" +
            $"The link works once, for {o.PasswordResetTokenMinutes} minutes. If it was not you, ignore this email: your password stays as it is.\n"), ct);
    }

    private string Link(string path, string token) => $"{options.Value.StorefrontUrl.TrimEnd('/')}{path}?token={Uri.EscapeDataString(token)}";
}
