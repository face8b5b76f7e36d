using Mercato.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Security;

/// <summary>Emailed one-time tokens and login lockout, through their contracts on the real databases.</summary>
public abstract class OneTimeTokenAndLockoutTests(MercatoApp app)
{
    private async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<string> IssueAsync(string purpose, string subject, TimeSpan lifetime) =>
        WithAsync<string, IOneTimeTokens>(t => t.IssueAsync(purpose, subject, lifetime, CancellationToken.None));

    private Task<string?> ConsumeAsync(string purpose, string token) =>
        WithAsync<string?, IOneTimeTokens>(t => t.ConsumeAsync(purpose, token, CancellationToken.None));

    [Fact]
    public async Task A_one_time_token_works_exactly_once_and_only_for_its_purpose()
    {
        var token = await IssueAsync(TokenPurposes.CustomerPasswordReset, "cus_1", TimeSpan.FromHours(1));

        Assert.Null(await ConsumeAsync(TokenPurposes.CustomerEmailVerification, token));
        Assert.Equal("cus_1", await ConsumeAsync(TokenPurposes.CustomerPasswordReset, token));
        Assert.Null(await ConsumeAsync(TokenPurposes.CustomerPasswordReset, token));
    }

    [Fact]
    public async Task A_one_time_token_expires_and_a_newer_one_voids_the_older()
    {
        var expiring = await IssueAsync(TokenPurposes.CustomerEmailVerification, "cus_2", TimeSpan.FromMinutes(10));
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await ConsumeAsync(TokenPurposes.CustomerEmailVerification, expiring));

        var older = await IssueAsync(TokenPurposes.AdminInvitation, "user_1", TimeSpan.FromDays(1));
        var newer = await IssueAsync(TokenPurposes.AdminInvitation, "user_1", TimeSpan.FromDays(1));

        Assert.Null(await ConsumeAsync(TokenPurposes.AdminInvitation, older));
        Assert.Equal("user_1", await ConsumeAsync(TokenPurposes.AdminInvitation, newer));
    }

    [Fact]
    public async Task Concurrent_consumers_of_one_token_get_it_once()
    {
        var token = await IssueAsync(TokenPurposes.CustomerPasswordReset, "cus_3", TimeSpan.FromHours(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ConsumeAsync(TokenPurposes.CustomerPasswordReset, token)));

        Assert.Single(results, r => r == "cus_3");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_login_with_doubling_back_off_and_success_clears_it()
    {
        const string login = "Lock.Me@example.com";
        for (var i = 1; i <= 4; i++)
            Assert.Null(await WithAsync<TimeSpan?, ILoginThrottle>(t => t.FailedAsync("customer", login, CancellationToken.None)));

        Assert.Equal(TimeSpan.FromSeconds(60), await WithAsync<TimeSpan?, ILoginThrottle>(t => t.FailedAsync("customer", login, CancellationToken.None)));
        Assert.Equal(TimeSpan.FromSeconds(120), await WithAsync<TimeSpan?, ILoginThrottle>(t => t.FailedAsync("customer", "lock.me@example.com ", CancellationToken.None)));
        Assert.NotNull(await WithAsync<TimeSpan?, ILoginThrottle>(t => t.LockedForAsync("customer", login, CancellationToken.None)));
        Assert.Null(await WithAsync<TimeSpan?, ILoginThrottle>(t => t.LockedForAsync("admin", login, CancellationToken.None)));

        app.Clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Null(await WithAsync<TimeSpan?, ILoginThrottle>(t => t.LockedForAsync("customer", login, CancellationToken.None)));
        await WithAsync<int, ILoginThrottle>(async t => { await t.SucceededAsync("customer", login, CancellationToken.None); return 0; });
        Assert.Null(await WithAsync<TimeSpan?, ILoginThrottle>(t => t.FailedAsync("customer", login, CancellationToken.None)));
    }
}

public sealed class OneTimeTokenAndLockoutTestsOnSqlite(SqliteApp app) : OneTimeTokenAndLockoutTests(app), IClassFixture<SqliteApp>;

public sealed class OneTimeTokenAndLockoutTestsOnPostgres(PostgresApp app) : OneTimeTokenAndLockoutTests(app), IClassFixture<PostgresApp>;
