namespace Mercato.Api.Tests.Store.Customers;

/// <summary>Password reset by email and password change.</summary>
public abstract class PasswordTests(MercatoApp app)
{
    private const string NewPassword = "Another-Long-Passphrase-42";

    [Fact]
    public async Task A_password_reset_sets_the_new_password_ends_every_session_and_works_once()
    {
        var customer = await app.RegisteredCustomerAsync();

        var requested = await app.Store.PostAsJsonAsync("/store/auth/password-reset", new { email = customer.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var message = Assert.Single(await app.EmailsAsync(customer.Email, "customer.password_reset"));
        Assert.Contains("http://localhost:3000/account/reset-password?token=", message.TextBody, StringComparison.Ordinal);
        var token = await app.TokenFromEmailAsync(customer.Email, "customer.password_reset");

        var confirmed = await app.Store.PostAsJsonAsync("/store/auth/password-reset/confirm", new { token, password = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.Client.GetAsync("/store/customers/me")).StatusCode);
        await (await app.Store.PostAsJsonAsync("/store/auth/refresh", new { refreshToken = customer.RefreshToken }))
            .ShouldBeProblemAsync(401, "invalid_refresh_token");
        await (await app.SignInAsync(customer.Email, customer.Password)).ShouldBeProblemAsync(401, "invalid_credentials");
        (await app.SignInAsync(customer.Email, NewPassword)).EnsureSuccessStatusCode();
        await (await app.Store.PostAsJsonAsync("/store/auth/password-reset/confirm", new { token, password = "Yet-Another-Passphrase-7" }))
            .ShouldBeProblemAsync(400, "invalid_token");
        (await app.SignInAsync(customer.Email, NewPassword)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_email_answers_the_same_202_and_sends_nothing()
    {
        var email = CustomerTestData.NewEmail();

        var response = await app.Store.PostAsJsonAsync("/store/auth/password-reset", new { email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await app.EmailsAsync(email, "customer.password_reset"));
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour()
    {
        var customer = await app.RegisteredCustomerAsync();
        await app.Store.PostAsJsonAsync("/store/auth/password-reset", new { email = customer.Email });
        var token = await app.TokenFromEmailAsync(customer.Email, "customer.password_reset");

        app.Clock.Advance(TimeSpan.FromMinutes(61));

        await (await app.Store.PostAsJsonAsync("/store/auth/password-reset/confirm", new { token, password = NewPassword }))
            .ShouldBeProblemAsync(400, "invalid_token");
        (await app.SignInAsync(customer.Email, customer.Password)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_weak_new_password_is_400_and_leaves_the_link_usable()
    {
        var customer = await app.RegisteredCustomerAsync();
        await app.Store.PostAsJsonAsync("/store/auth/password-reset", new { email = customer.Email });
        var token = await app.TokenFromEmailAsync(customer.Email, "customer.password_reset");

        var weak = await app.Store.PostAsJsonAsync("/store/auth/password-reset/confirm", new { token, password = "short" });

        var problem = await weak.ShouldBeProblemAsync(400, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("password"));
        Assert.Equal(HttpStatusCode.NoContent,
            (await app.Store.PostAsJsonAsync("/store/auth/password-reset/confirm", new { token, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_answers_a_fresh_pair_while_old_sessions_end()
    {
        var customer = await app.RegisteredCustomerAsync();
        var otherDevice = await (await app.SignInAsync(customer.Email, customer.Password)).ShouldSucceedAsync();

        var wrong = await customer.Client.PostAsJsonAsync("/store/customers/me/password",
            new { currentPassword = "Not-The-Password-1", newPassword = NewPassword });
        await wrong.ShouldBeProblemAsync(400, "invalid_current_password");

        var changed = await (await customer.Client.PostAsJsonAsync("/store/customers/me/password",
            new { currentPassword = customer.Password, newPassword = NewPassword })).ShouldSucceedAsync();

        Assert.Equal(HttpStatusCode.OK, (await app.CustomerClient(changed.Str("accessToken")).GetAsync("/store/customers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.Client.GetAsync("/store/customers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CustomerClient(otherDevice.Str("accessToken")).GetAsync("/store/customers/me")).StatusCode);
        await (await app.SignInAsync(customer.Email, customer.Password)).ShouldBeProblemAsync(401, "invalid_credentials");
        (await app.SignInAsync(customer.Email, NewPassword)).EnsureSuccessStatusCode();
    }
}

public sealed class PasswordOnSqlite(SqliteApp app) : PasswordTests(app), IClassFixture<SqliteApp>;

public sealed class PasswordOnPostgres(PostgresApp app) : PasswordTests(app), IClassFixture<PostgresApp>;
