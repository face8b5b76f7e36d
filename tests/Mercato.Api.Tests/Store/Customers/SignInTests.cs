using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Customers;

/// <summary>POST /store/auth/token, /refresh and /logout.</summary>
public abstract class SignInTests(MercatoApp app)
{
    [Fact]
    public async Task Answers_holding_tokens_are_never_stored_for_replay_by_an_idempotency_key()
    {
        var email = CustomerTestData.NewEmail();
        await app.RegisterAsync(email);
        var key = Guid.NewGuid().ToString();

        async Task<string> SignInWithKeyAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/store/auth/token")
            {
                Content = JsonContent.Create(new { email, password = CustomerTestData.Password }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return (await (await app.Store.SendAsync(request)).ShouldSucceedAsync()).Str("refreshToken");
        }

        var first = await SignInWithKeyAsync();
        var second = await SignInWithKeyAsync();

        Assert.NotEqual(first, second);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Mercato.Kernel.Persistence.MercatoDb>();
        Assert.False(await db.Set<Mercato.Kernel.Idempotency.IdempotencyRecord>().AnyAsync(r => r.Key == key));
    }

    [Fact]
    public async Task Signing_in_answers_a_bearer_token_pair_that_opens_the_customers_own_profile()
    {
        var email = CustomerTestData.NewEmail();
        var registered = await app.RegisterAsync(email);

        var response = await app.SignInAsync(" " + email.ToUpperInvariant(), CustomerTestData.Password);
        var tokens = await response.ShouldSucceedAsync();

        Assert.Equal("Bearer", tokens.Str("tokenType"));
        Assert.True(tokens.Int("expiresIn") > 0);
        Assert.False(string.IsNullOrEmpty(tokens.Str("refreshToken")));
        Assert.True(tokens.AsObject().ContainsKey("cartId"));
        Assert.Null(tokens["cartId"]);
        var me = await app.CustomerClient(tokens.Str("accessToken")).GetJsonAsync("/store/customers/me");
        Assert.Equal(registered.Str("id"), me.Str("id"));
        Assert.Equal(email, me.Str("email"));
    }

    [Fact]
    public async Task Signing_in_with_the_guest_cart_makes_it_the_customers_and_answers_its_id()
    {
        var email = CustomerTestData.NewEmail();
        await app.RegisterAsync(email);
        var guestCart = (await app.Store.PostJsonAsync("/store/carts", new { })).Str("id");

        var tokens = await (await app.SignInAsync(email, CustomerTestData.Password, guestCart)).ShouldSucceedAsync();

        Assert.Equal(guestCart, tokens.Str("cartId"));
        Assert.Equal(HttpStatusCode.OK, (await app.CustomerClient(tokens.Str("accessToken")).GetAsync($"/store/carts/{guestCart}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Store.GetAsync($"/store/carts/{guestCart}")).StatusCode);
        // Signing in again without a cart id finds the customer's open cart.
        Assert.Equal(guestCart, (await (await app.SignInAsync(email, CustomerTestData.Password)).ShouldSucceedAsync()).Str("cartId"));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var customer = await app.RegisteredCustomerAsync();

        var wrongPassword = await app.SignInAsync(customer.Email, "Wrong-Password-123");
        var unknownEmail = await app.SignInAsync(CustomerTestData.NewEmail(), "Wrong-Password-123");

        await wrongPassword.ShouldBeProblemAsync(401, "invalid_credentials");
        await unknownEmail.ShouldBeProblemAsync(401, "invalid_credentials");
        Assert.Equal(await wrongPassword.ProblemShapeAsync(), await unknownEmail.ProblemShapeAsync());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_login_with_429_and_Retry_After_until_the_time_has_passed()
    {
        var customer = await app.RegisteredCustomerAsync();
        HttpResponseMessage? locked = null;
        for (var attempt = 0; attempt < 30 && locked is null; attempt++)
        {
            var response = await app.SignInAsync(customer.Email, "Wrong-Password-123");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) locked = response;
            else await response.ShouldBeProblemAsync(401, "invalid_credentials");
        }

        Assert.NotNull(locked);
        await locked.ShouldBeProblemAsync(429, "too_many_attempts");
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter > TimeSpan.Zero);
        // Locked means locked: the right password does not get in either.
        await (await app.SignInAsync(customer.Email, customer.Password)).ShouldBeProblemAsync(429, "too_many_attempts");

        app.Clock.Advance(retryAfter.Value + TimeSpan.FromSeconds(1));

        (await app.SignInAsync(customer.Email, customer.Password)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_reusing_it_ends_the_session()
    {
        var customer = await app.RegisteredCustomerAsync();

        var refreshed = await (await app.Store.PostAsJsonAsync("/store/auth/refresh", new { refreshToken = customer.RefreshToken })).ShouldSucceedAsync();
        Assert.NotEqual(customer.RefreshToken, refreshed.Str("refreshToken"));
        Assert.Equal(HttpStatusCode.OK, (await app.CustomerClient(refreshed.Str("accessToken")).GetAsync("/store/customers/me")).StatusCode);

        var reused = await app.Store.PostAsJsonAsync("/store/auth/refresh", new { refreshToken = customer.RefreshToken });

        await reused.ShouldBeProblemAsync(401, "invalid_refresh_token");
        // Reuse means the old token was stolen: the newer pair dies with the session.
        await (await app.Store.PostAsJsonAsync("/store/auth/refresh", new { refreshToken = refreshed.Str("refreshToken") }))
            .ShouldBeProblemAsync(401, "invalid_refresh_token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CustomerClient(refreshed.Str("accessToken")).GetAsync("/store/customers/me")).StatusCode);
    }

    [Fact]
    public async Task A_made_up_refresh_token_is_401()
    {
        await (await app.Store.PostAsJsonAsync("/store/auth/refresh", new { refreshToken = "rt_made_up" }))
            .ShouldBeProblemAsync(401, "invalid_refresh_token");
    }

    [Fact]
    public async Task Logging_out_ends_the_session_but_not_the_customers_other_sessions()
    {
        var customer = await app.RegisteredCustomerAsync();
        var otherDevice = await (await app.SignInAsync(customer.Email, customer.Password)).ShouldSucceedAsync();

        var logout = await customer.Client.PostAsync("/store/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.Client.GetAsync("/store/customers/me")).StatusCode);
        await (await app.Store.PostAsJsonAsync("/store/auth/refresh", new { refreshToken = customer.RefreshToken }))
            .ShouldBeProblemAsync(401, "invalid_refresh_token");
        Assert.Equal(HttpStatusCode.OK, (await app.CustomerClient(otherDevice.Str("accessToken")).GetAsync("/store/customers/me")).StatusCode);
    }

    [Fact]
    public async Task The_me_routes_need_a_signed_in_customer()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Store.GetAsync("/store/customers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Store.GetAsync("/store/customers/me/addresses")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Store.PostAsync("/store/auth/logout", null)).StatusCode);
    }

    [Fact]
    public async Task A_customer_token_only_ever_reads_its_own_customer()
    {
        var ada = await app.RegisteredCustomerAsync();
        var bob = await app.RegisteredCustomerAsync();

        var adaMe = await ada.Client.GetJsonAsync("/store/customers/me");
        var bobMe = await bob.Client.GetJsonAsync("/store/customers/me");

        Assert.Equal(ada.Id, adaMe.Str("id"));
        Assert.Equal(bob.Id, bobMe.Str("id"));
        Assert.NotEqual(adaMe.Str("email"), bobMe.Str("email"));
        // A customer id in the query or a made-up path does not switch the customer.
        Assert.Equal(ada.Id, (await ada.Client.GetJsonAsync($"/store/customers/me?id={bob.Id}")).Str("id"));
        Assert.Equal(HttpStatusCode.NotFound, (await ada.Client.GetAsync($"/store/customers/{bob.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_customer_gets_the_same_401_as_a_wrong_password_and_their_tokens_stop_working()
    {
        var customer = await app.RegisteredCustomerAsync();

        await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { disabled = true });

        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.Client.GetAsync("/store/customers/me")).StatusCode);
        var signIn = await app.SignInAsync(customer.Email, customer.Password);
        await signIn.ShouldBeProblemAsync(401, "invalid_credentials");
        Assert.Equal(await (await app.SignInAsync(customer.Email, "Wrong-Password-123")).ProblemShapeAsync(), await signIn.ProblemShapeAsync());

        await app.Admin.PatchJsonAsync($"/admin/customers/{customer.Id}", new { disabled = false });
        (await app.SignInAsync(customer.Email, customer.Password)).EnsureSuccessStatusCode();
    }
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
