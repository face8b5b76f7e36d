namespace Mercato.Api.Tests.Store.Customers;

/// <summary>POST /store/customers and email verification.</summary>
public abstract class RegistrationTests(MercatoApp app)
{
    [Fact]
    public async Task Registering_answers_the_customer_without_tokens_and_sends_a_verification_link_to_the_storefront()
    {
        var email = CustomerTestData.NewEmail();

        var response = await app.Store.PostAsJsonAsync("/store/customers",
            new { email = "  " + email.ToUpperInvariant() + " ", password = CustomerTestData.Password, firstName = "Ada", lastName = "Lovelace" });
        var customer = await response.ShouldSucceedAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("cus_", customer.Str("id"));
        Assert.Equal(email, customer.Str("email"));
        Assert.False(customer["emailVerified"]!.GetValue<bool>());
        Assert.Empty(customer.Arr("groups"));
        Assert.Null(customer["accessToken"]);
        Assert.Null(customer["passwordHash"]);
        var message = Assert.Single(await app.EmailsAsync(email, "customer.verify_email"));
        Assert.Contains("http://localhost:3000/account/verify?token=", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_is_registered_once_whatever_its_case()
    {
        var email = CustomerTestData.NewEmail();
        await app.RegisterAsync(email);

        var again = await app.Store.PostAsJsonAsync("/store/customers",
            new { email = email.ToUpperInvariant(), password = CustomerTestData.Password, firstName = "B", lastName = "C" });

        await again.ShouldBeProblemAsync(409, "email_taken");
    }

    [Fact]
    public async Task A_weak_password_and_missing_fields_are_400_on_their_fields()
    {
        var response = await app.Store.PostAsJsonAsync("/store/customers", new { email = "not-an-email", password = "short" });

        var problem = await response.ShouldBeProblemAsync(400, "validation_failed");
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("password"), problem.ToJsonString());
        Assert.True(errors.ContainsKey("email"));
        Assert.True(errors.ContainsKey("firstName"));
        Assert.True(errors.ContainsKey("lastName"));
    }

    [Theory]
    [InlineData("emailVerified", true)]
    [InlineData("groupIds", new[] { "cgrp_x" })]
    [InlineData("disabled", false)]
    [InlineData("id", "cus_mine")]
    [InlineData("version", 7)]
    public async Task Server_owned_fields_in_a_registration_are_400_unknown_field(string field, object value)
    {
        var email = CustomerTestData.NewEmail();
        var body = new Dictionary<string, object?>
        {
            ["email"] = email, ["password"] = CustomerTestData.Password, ["firstName"] = "Ada", ["lastName"] = "Lovelace", [field] = value,
        };

        var response = await app.Store.PostAsJsonAsync("/store/customers", body);

        await response.ShouldBeProblemAsync(400, "unknown_field");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SignInAsync(email, CustomerTestData.Password)).StatusCode);
    }

    [Fact]
    public async Task The_link_in_the_verification_email_verifies_the_address_once()
    {
        var customer = await app.RegisteredCustomerAsync();
        var token = await app.TokenFromEmailAsync(customer.Email, "customer.verify_email");

        var verified = await app.Store.PostAsJsonAsync("/store/auth/verify-email", new { token });
        var again = await app.Store.PostAsJsonAsync("/store/auth/verify-email", new { token });

        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        await again.ShouldBeProblemAsync(400, "invalid_token");
        Assert.True((await customer.Client.GetJsonAsync("/store/customers/me"))["emailVerified"]!.GetValue<bool>());
        await (await customer.Client.PostAsync("/store/customers/me/verification", null)).ShouldBeProblemAsync(409, "email_already_verified");
    }

    [Fact]
    public async Task A_made_up_verification_token_is_400_invalid_token()
    {
        var response = await app.Store.PostAsJsonAsync("/store/auth/verify-email", new { token = "made-up-token" });

        await response.ShouldBeProblemAsync(400, "invalid_token");
    }

    [Fact]
    public async Task Asking_again_sends_a_new_link_and_voids_the_old_one()
    {
        var customer = await app.RegisteredCustomerAsync();
        var first = await app.TokenFromEmailAsync(customer.Email, "customer.verify_email");

        var resent = await customer.Client.PostAsync("/store/customers/me/verification", null);
        var second = await app.TokenFromEmailAsync(customer.Email, "customer.verify_email");

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(2, (await app.EmailsAsync(customer.Email, "customer.verify_email")).Count);
        await (await app.Store.PostAsJsonAsync("/store/auth/verify-email", new { token = first })).ShouldBeProblemAsync(400, "invalid_token");
        Assert.Equal(HttpStatusCode.NoContent, (await app.Store.PostAsJsonAsync("/store/auth/verify-email", new { token = second })).StatusCode);
    }

    [Fact]
    public async Task Verification_links_expire_after_a_day()
    {
        var customer = await app.RegisteredCustomerAsync();
        var token = await app.TokenFromEmailAsync(customer.Email, "customer.verify_email");

        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        await (await app.Store.PostAsJsonAsync("/store/auth/verify-email", new { token })).ShouldBeProblemAsync(400, "invalid_token");
    }
}

public sealed class RegistrationOnSqlite(SqliteApp app) : RegistrationTests(app), IClassFixture<SqliteApp>;

public sealed class RegistrationOnPostgres(PostgresApp app) : RegistrationTests(app), IClassFixture<PostgresApp>;
