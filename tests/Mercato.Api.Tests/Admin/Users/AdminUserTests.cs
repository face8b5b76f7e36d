using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Mercato.Api.Tests.Admin.Users;

/// <summary>Admin users: invitation, sign-in, sessions, password reset, roles and the rules on granting them.</summary>
public abstract class AdminUserTests(MercatoApp app)
{
    private const string Password = "correct horse battery staple";

    private static string NewEmail() => $"staff-{Guid.NewGuid():N}@example.com"[..40];

    private HttpClient As(string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Invites a user with <paramref name="role"/> and accepts the invitation: the user's id and access token.</summary>
    private async Task<(string Id, string Email, string AccessToken, string RefreshToken)> ActiveUserAsync(string role, HttpClient? inviter = null)
    {
        var email = NewEmail();
        var user = await (await (inviter ?? app.Admin).PostAsJsonAsync("/admin/users", new { email, role })).ShouldSucceedAsync();
        var token = await app.TokenFromLastEmailAsync(email, "admin.invitation");
        var tokens = await (await app.Anonymous.PostAsJsonAsync("/admin/auth/accept-invitation", new { token, password = Password })).ShouldSucceedAsync();
        return (user.Str("id"), email, tokens.Str("accessToken"), tokens.Str("refreshToken"));
    }

    private Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        app.Anonymous.PostAsJsonAsync("/admin/auth/token", new { email, password });

    [Fact]
    public async Task An_invited_user_sets_a_password_with_the_emailed_link_and_can_then_log_in()
    {
        var email = NewEmail();
        var invited = await (await app.Admin.PostAsJsonAsync("/admin/users", new { email, role = "admin", firstName = "Ada" })).ShouldSucceedAsync();
        Assert.Equal("invited", invited.Str("status"));
        await (await LogInAsync(email, Password)).ShouldBeProblemAsync(401, "invalid_credentials");

        var token = await app.TokenFromLastEmailAsync(email, "admin.invitation");
        var tokens = await (await app.Anonymous.PostAsJsonAsync("/admin/auth/accept-invitation", new { token, password = Password })).ShouldSucceedAsync();
        var me = await (await As(tokens.Str("accessToken")).GetAsync("/admin/me")).ShouldSucceedAsync();

        Assert.Equal("user", me.Str("kind"));
        Assert.Equal(invited.Str("id"), me.Str("id"));
        Assert.Equal("admin", me.Str("role"));
        Assert.Equal("active", (await app.Admin.GetJsonAsync($"/admin/users/{invited.Str("id")}")).Str("status"));
        await (await app.Anonymous.PostAsJsonAsync("/admin/auth/accept-invitation", new { token, password = Password }))
            .ShouldBeProblemAsync(400, "invalid_token");
        var login = await (await LogInAsync(email.ToUpperInvariant(), Password)).ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.OK, (await As(login.Str("accessToken")).GetAsync("/admin/products")).StatusCode);
    }

    [Fact]
    public async Task The_invitation_email_never_shows_up_in_the_api_and_a_resent_one_voids_the_first()
    {
        var email = NewEmail();
        var user = await (await app.Admin.PostAsJsonAsync("/admin/users", new { email, role = "admin" })).ShouldSucceedAsync();
        var first = await app.TokenFromLastEmailAsync(email, "admin.invitation");

        await (await app.Admin.PostAsync($"/admin/users/{user.Str("id")}/invitation", null)).ShouldSucceedAsync();
        var second = await app.TokenFromLastEmailAsync(email, "admin.invitation");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(first, user.ToJsonString(), StringComparison.Ordinal);
        await (await app.Anonymous.PostAsJsonAsync("/admin/auth/accept-invitation", new { token = first, password = Password }))
            .ShouldBeProblemAsync(400, "invalid_token");
        await (await app.Anonymous.PostAsJsonAsync("/admin/auth/accept-invitation", new { token = second, password = Password })).ShouldSucceedAsync();
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var user = await ActiveUserAsync("admin");

        var wrong = await (await LogInAsync(user.Email, "not the password at all")).ShouldBeProblemAsync(401, "invalid_credentials");
        var unknown = await (await LogInAsync(NewEmail(), Password)).ShouldBeProblemAsync(401, "invalid_credentials");

        Assert.Equal(wrong.Str("detail"), unknown.Str("detail"));
    }

    [Fact]
    public async Task Repeated_failed_logins_lock_the_account_for_a_while_even_with_the_right_password()
    {
        var user = await ActiveUserAsync("admin");
        for (var i = 0; i < 4; i++) await (await LogInAsync(user.Email, "wrong password " + i)).ShouldBeProblemAsync(401, "invalid_credentials");

        var locking = await LogInAsync(user.Email, "wrong password 5");
        await locking.ShouldBeProblemAsync(429, "too_many_attempts");
        Assert.Equal(TimeSpan.FromSeconds(60), locking.Headers.RetryAfter!.Delta);
        await (await LogInAsync(user.Email, Password)).ShouldBeProblemAsync(429, "too_many_attempts");

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await (await LogInAsync(user.Email, Password)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task Refresh_rotates_and_logout_ends_the_session()
    {
        var user = await ActiveUserAsync("admin");

        var refreshed = await (await app.Anonymous.PostAsJsonAsync("/admin/auth/refresh", new { refreshToken = user.RefreshToken })).ShouldSucceedAsync();
        await (await app.Anonymous.PostAsJsonAsync("/admin/auth/refresh", new { refreshToken = user.RefreshToken }))
            .ShouldBeProblemAsync(401, "invalid_refresh_token");
        // Replaying the used token ended the session: the tokens it gave are dead too.
        await (await As(refreshed.Str("accessToken")).GetAsync("/admin/me")).ShouldBeProblemAsync(401, "unauthorized");

        var login = await (await LogInAsync(user.Email, Password)).ShouldSucceedAsync();
        var client = As(login.Str("accessToken"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/admin/auth/logout", null)).StatusCode);
        await (await client.GetAsync("/admin/me")).ShouldBeProblemAsync(401, "unauthorized");
        await (await app.Anonymous.PostAsJsonAsync("/admin/auth/refresh", new { refreshToken = login.Str("refreshToken") }))
            .ShouldBeProblemAsync(401, "invalid_refresh_token");
    }

    [Fact]
    public async Task A_password_reset_works_once_ends_every_session_and_reveals_nothing_about_unknown_emails()
    {
        var user = await ActiveUserAsync("admin");
        var unknown = NewEmail();

        Assert.Equal(HttpStatusCode.Accepted, (await app.Anonymous.PostAsJsonAsync("/admin/auth/password-reset", new { email = unknown })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.Anonymous.PostAsJsonAsync("/admin/auth/password-reset", new { email = user.Email })).StatusCode);
        Assert.Empty(await app.EmailsToAsync(unknown));
        var token = await app.TokenFromLastEmailAsync(user.Email, "admin.password_reset");

        const string newPassword = "a brand new passphrase";
        Assert.Equal(HttpStatusCode.NoContent,
            (await app.Anonymous.PostAsJsonAsync("/admin/auth/password-reset/confirm", new { token, password = newPassword })).StatusCode);

        await (await As(user.AccessToken).GetAsync("/admin/me")).ShouldBeProblemAsync(401, "unauthorized");
        await (await LogInAsync(user.Email, Password)).ShouldBeProblemAsync(401, "invalid_credentials");
        await (await LogInAsync(user.Email, newPassword)).ShouldSucceedAsync();
        await (await app.Anonymous.PostAsJsonAsync("/admin/auth/password-reset/confirm", new { token, password = "yet another passphrase" }))
            .ShouldBeProblemAsync(400, "invalid_token");
    }

    [Fact]
    public async Task Changing_the_own_password_needs_the_current_one_and_gives_fresh_tokens()
    {
        var user = await ActiveUserAsync("support");
        var client = As(user.AccessToken);

        await (await client.PostAsJsonAsync("/admin/me/password", new { currentPassword = "wrong", newPassword = "another good passphrase" }))
            .ShouldBeProblemAsync(400, "validation_failed");
        var fresh = await (await client.PostAsJsonAsync("/admin/me/password", new { currentPassword = Password, newPassword = "another good passphrase" }))
            .ShouldSucceedAsync();

        await (await client.GetAsync("/admin/me")).ShouldBeProblemAsync(401, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await As(fresh.Str("accessToken")).GetAsync("/admin/me")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_or_disabling_ends_the_users_sessions_at_once()
    {
        var demoted = await ActiveUserAsync("admin");
        var disabled = await ActiveUserAsync("admin");

        await (await app.Admin.PatchAsJsonAsync($"/admin/users/{demoted.Id}", new { role = "read_only" })).ShouldSucceedAsync();
        await (await app.Admin.PatchAsJsonAsync($"/admin/users/{disabled.Id}", new { disabled = true })).ShouldSucceedAsync();

        await (await As(demoted.AccessToken).GetAsync("/admin/me")).ShouldBeProblemAsync(401, "unauthorized");
        await (await As(disabled.AccessToken).GetAsync("/admin/me")).ShouldBeProblemAsync(401, "unauthorized");
        await (await LogInAsync(disabled.Email, Password)).ShouldBeProblemAsync(401, "invalid_credentials");
        var relogged = await (await LogInAsync(demoted.Email, Password)).ShouldSucceedAsync();
        await (await As(relogged.Str("accessToken")).PostAsJsonAsync("/admin/regions", new { name = "Nope", currency = "USD", countries = new[] { "CA" } }))
            .ShouldBeProblemAsync(403, "forbidden");
    }

    [Fact]
    public async Task Nobody_grants_what_they_do_not_hold_and_only_owners_make_owners()
    {
        var admin = await ActiveUserAsync("admin");
        var catalog = await ActiveUserAsync("catalog_manager");
        var adminClient = As(admin.AccessToken);

        await (await adminClient.PostAsJsonAsync("/admin/users", new { email = NewEmail(), role = "owner" })).ShouldBeProblemAsync(403, "forbidden");
        await (await adminClient.PatchAsJsonAsync($"/admin/users/{catalog.Id}", new { role = "owner" })).ShouldBeProblemAsync(403, "forbidden");
        await (await adminClient.PostAsJsonAsync("/admin/users", new { email = NewEmail(), role = "order_manager" })).ShouldSucceedAsync();
        await (await As(catalog.AccessToken).PostAsJsonAsync("/admin/users", new { email = NewEmail(), role = "support" }))
            .ShouldBeProblemAsync(403, "forbidden");
    }

    [Fact]
    public async Task Server_owned_fields_cannot_be_sent_and_duplicates_are_refused()
    {
        var email = NewEmail();

        await (await app.Admin.PostAsJsonAsync("/admin/users", new { email, role = "admin", status = "active" })).ShouldBeProblemAsync(400, "unknown_field");
        await (await app.Admin.PostAsJsonAsync("/admin/users", new { email, role = "admin", passwordHash = "x" })).ShouldBeProblemAsync(400, "unknown_field");
        await (await app.Admin.PostAsJsonAsync("/admin/users", new { email, role = "emperor" })).ShouldBeProblemAsync(400, "validation_failed");
        await (await app.Admin.PostAsJsonAsync("/admin/users", new { email, role = "admin" })).ShouldSucceedAsync();
        await (await app.Admin.PostAsJsonAsync("/admin/users", new { email = email.ToUpperInvariant(), role = "admin" }))
            .ShouldBeProblemAsync(409, "email_taken");
    }

    [Fact]
    public async Task A_secret_key_describes_itself_and_cannot_log_out()
    {
        var me = await app.Admin.GetJsonAsync("/admin/me");

        Assert.Equal("key", me.Str("kind"));
        Assert.Equal("owner", me.Str("role"));
        Assert.Contains(me.Arr("permissions"), p => p!.GetValue<string>() == "orders:refund");
        await (await app.Admin.PostAsync("/admin/auth/logout", null)).ShouldBeProblemAsync(409, "not_a_session");
    }
}

public sealed class AdminUserTestsOnSqlite(SqliteApp app) : AdminUserTests(app), IClassFixture<SqliteApp>;

public sealed class AdminUserTestsOnPostgres(PostgresApp app) : AdminUserTests(app), IClassFixture<PostgresApp>;
