using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mercato.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Api.Tests.Security;

/// <summary>
/// Access tokens and refresh tokens as the Store API sees them: valid ones pass, and every kind of tampering (expired,
/// wrong signature, <c>alg: none</c>, another audience, an ended session) is a 401, never a guest request.
/// </summary>
public abstract class SessionTokenTests(MercatoApp app)
{
    private async Task<TokenPair> StartAsync(SubjectKind kind = SubjectKind.Customer, string? subject = null)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ISessions>()
            .StartAsync(new SessionSubject(kind, subject ?? "cus_" + Guid.NewGuid().ToString("N")[..20], kind == SubjectKind.AdminUser ? "owner" : null),
                CancellationToken.None);
    }

    private async Task<T> WithAsync<T>(Func<ISessions, Task<T>> action)
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<ISessions>());
    }

    private Task<HttpResponseMessage> StoreGetAsync(string? token, bool withKey = true)
    {
        var client = withKey ? app.StoreClient(app.PublishableKey) : app.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync("/store/regions");
    }

    [Fact]
    public async Task A_valid_customer_token_is_accepted_next_to_the_publishable_key()
    {
        var tokens = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await StoreGetAsync(tokens.AccessToken)).StatusCode);
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.Equal(15 * 60, tokens.ExpiresIn);
    }

    [Fact]
    public async Task A_customer_token_without_a_publishable_key_is_401()
    {
        var tokens = await StartAsync();

        await (await StoreGetAsync(tokens.AccessToken, withKey: false)).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var tokens = await StartAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(16));

        var response = await StoreGetAsync(tokens.AccessToken);

        await response.ShouldBeProblemAsync(401, "unauthorized");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var tokens = await StartAsync();
        var claims = new JsonWebTokenHandler().ReadJsonWebToken(tokens.AccessToken).Claims.ToDictionary(c => c.Type, object (c) => c.Value);
        var forged = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        });

        await (await StoreGetAsync(forged)).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var tokens = await StartAsync();
        var payload = tokens.AccessToken.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));

        await (await StoreGetAsync($"{header}.{payload}.")).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task A_token_with_a_changed_payload_is_401()
    {
        var tokens = await StartAsync();
        var parts = tokens.AccessToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("cus_", "cus_x", StringComparison.Ordinal);

        await (await StoreGetAsync($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}")).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("sk_test_0123456789abcdefghijklmnopqrst")]
    public async Task A_malformed_token_or_a_secret_key_on_the_store_is_401(string value)
    {
        await (await StoreGetAsync(value)).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task An_admin_user_token_is_not_a_customer_token_and_the_other_way_round()
    {
        var admin = await StartAsync(SubjectKind.AdminUser, "user_x");
        var customer = await StartAsync();
        var adminClient = app.CreateClient();
        adminClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", customer.AccessToken);

        await (await StoreGetAsync(admin.AccessToken)).ShouldBeProblemAsync(401, "unauthorized");
        await (await adminClient.GetAsync("/admin/regions")).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task A_revoked_session_ends_its_access_token()
    {
        var tokens = await StartAsync();
        var sessionId = new JsonWebTokenHandler().ReadJsonWebToken(tokens.AccessToken).GetClaim("sid").Value;

        await WithAsync(async s => { await s.RevokeAsync(sessionId, CancellationToken.None); return 0; });

        await (await StoreGetAsync(tokens.AccessToken)).ShouldBeProblemAsync(401, "unauthorized");
        Assert.Null(await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, tokens.RefreshToken, CancellationToken.None)));
    }

    [Fact]
    public async Task Revoking_all_sessions_of_a_subject_ends_each_of_them()
    {
        var first = await StartAsync(subject: "cus_all");
        var second = await StartAsync(subject: "cus_all");
        var other = await StartAsync(subject: "cus_other");

        await WithAsync(async s => { await s.RevokeAllAsync(SubjectKind.Customer, "cus_all", CancellationToken.None); return 0; });

        await (await StoreGetAsync(first.AccessToken)).ShouldBeProblemAsync(401, "unauthorized");
        await (await StoreGetAsync(second.AccessToken)).ShouldBeProblemAsync(401, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await StoreGetAsync(other.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_works_once()
    {
        var tokens = await StartAsync();

        var next = await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, tokens.RefreshToken, CancellationToken.None));

        Assert.NotNull(next);
        Assert.NotEqual(tokens.RefreshToken, next.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await StoreGetAsync(next.AccessToken)).StatusCode);
        var third = await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, next.RefreshToken, CancellationToken.None));
        Assert.NotNull(third);
    }

    [Fact]
    public async Task Reusing_a_used_refresh_token_ends_the_whole_session()
    {
        var tokens = await StartAsync();
        var next = await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, tokens.RefreshToken, CancellationToken.None));

        var replay = await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, tokens.RefreshToken, CancellationToken.None));

        Assert.Null(replay);
        Assert.Null(await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, next!.RefreshToken, CancellationToken.None)));
        await (await StoreGetAsync(next!.AccessToken)).ShouldBeProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task A_refresh_token_is_bound_to_its_kind_of_subject_and_expires()
    {
        var admin = await StartAsync(SubjectKind.AdminUser, "user_y");
        var customer = await StartAsync();

        Assert.Null(await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, admin.RefreshToken, CancellationToken.None)));
        Assert.Null(await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, "rt_unknown", CancellationToken.None)));
        app.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Null(await WithAsync(s => s.RefreshAsync(SubjectKind.Customer, customer.RefreshToken, CancellationToken.None)));
    }

    [Fact]
    public async Task Concurrent_refreshes_of_one_token_give_at_most_one_new_pair()
    {
        var tokens = await StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => WithAsync(s => s.RefreshAsync(SubjectKind.Customer, tokens.RefreshToken, CancellationToken.None))));

        Assert.True(results.Count(r => r is not null) <= 1);
    }
}

public sealed class SessionTokenTestsOnSqlite(SqliteApp app) : SessionTokenTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTokenTestsOnPostgres(PostgresApp app) : SessionTokenTests(app), IClassFixture<PostgresApp>;
