using Mercato.Identity;
using Mercato.Identity.Sessions;
using Microsoft.Extensions.Options;

namespace Mercato.UnitTests.Identity;

public class PasswordTests
{
    private static readonly Passwords Passwords = new(Options.Create(new IdentityOptions { PasswordHashIterations = 1000 }));

    [Theory]
    [InlineData(null, "Required.")]
    [InlineData("short", "At least 8 characters.")]
    [InlineData("password", "Too common; choose another.")]
    [InlineData("a@example.com", "Must not be the email address.")]
    [InlineData("        ", "Must not be only spaces.")]
    public void Weak_passwords_are_refused_with_a_reason(string? password, string reason) =>
        Assert.Equal(reason, Passwords.Problem(password, "a@example.com"));

    [Fact]
    public void Long_passwords_are_capped_and_good_ones_pass()
    {
        Assert.NotNull(Passwords.Problem(new string('x', 129), null));
        Assert.Null(Passwords.Problem("correct horse battery staple", "a@example.com"));
    }

    [Fact]
    public void A_hash_verifies_its_password_only_and_is_salted()
    {
        var hash = Passwords.Hash("correct horse battery staple");

        Assert.True(Passwords.Verify(hash, "correct horse battery staple", out _));
        Assert.False(Passwords.Verify(hash, "correct horse battery stapler", out _));
        Assert.NotEqual(hash, Passwords.Hash("correct horse battery staple"));
        Assert.DoesNotContain("correct", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_asks_to_be_upgraded()
    {
        var weaker = new Passwords(Options.Create(new IdentityOptions { PasswordHashIterations = 500 })).Hash("correct horse battery staple");

        Assert.True(Passwords.Verify(weaker, "correct horse battery staple", out var rehashed));
        Assert.NotNull(rehashed);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, 60)]
    [InlineData(6, 120)]
    [InlineData(7, 240)]
    [InlineData(12, 3600)]
    [InlineData(100, 3600)]
    public void Lockout_doubles_after_the_free_attempts_up_to_the_cap(int failures, int? seconds) =>
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), LoginThrottle.LockoutFor(failures, new IdentityOptions()));
}
