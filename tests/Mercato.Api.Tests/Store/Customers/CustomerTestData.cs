using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mercato.Kernel.Email;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Customers;

/// <summary>A registered, signed-in customer: <see cref="Client"/> sends the channel's key and the customer's access token.</summary>
public sealed record RegisteredCustomer(string Id, string Email, string Password, JsonNode Tokens, HttpClient Client)
{
    public string AccessToken => Tokens.Str("accessToken");
    public string RefreshToken => Tokens.Str("refreshToken");
}

public static partial class CustomerTestData
{
    public const string Password = "Correct-Horse-Battery-9";

    public static string NewEmail() => $"{Given.Unique("shopper")}@example.com";

    public static async Task<JsonNode> RegisterAsync(this MercatoApp app, string email, string password = Password,
        string firstName = "Ada", string lastName = "Lovelace") =>
        await app.Store.PostJsonAsync("/store/customers", new { email, password, firstName, lastName });

    public static Task<HttpResponseMessage> SignInAsync(this MercatoApp app, string email, string password, string? cartId = null) =>
        app.Store.PostAsJsonAsync("/store/auth/token", cartId is null ? new { email, password } : (object)new { email, password, cartId });

    /// <summary>A store client of the test channel carrying <paramref name="accessToken"/>.</summary>
    public static HttpClient CustomerClient(this MercatoApp app, string accessToken, string? publishableKey = null)
    {
        var client = app.StoreClient(publishableKey ?? app.PublishableKey);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<RegisteredCustomer> RegisteredCustomerAsync(this MercatoApp app, string? email = null, string password = Password)
    {
        email ??= NewEmail();
        var customer = await app.RegisterAsync(email, password);
        var tokens = await (await app.SignInAsync(email, password)).ShouldSucceedAsync();
        return new RegisteredCustomer(customer.Str("id"), email, password, tokens, app.CustomerClient(tokens.Str("accessToken")));
    }

    /// <summary>The messages in the email outbox to <paramref name="to"/> of <paramref name="kind"/>, oldest first.</summary>
    internal static async Task<List<EmailOutboxMessage>> EmailsAsync(this MercatoApp app, string to, string kind)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        return await db.Set<EmailOutboxMessage>().AsNoTracking().Where(m => m.To == to && m.Kind == kind).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The one-time token in the link of the newest email of <paramref name="kind"/> to <paramref name="to"/>.</summary>
    public static async Task<string> TokenFromEmailAsync(this MercatoApp app, string to, string kind)
    {
        var message = (await app.EmailsAsync(to, kind)).Last();
        return Uri.UnescapeDataString(LinkToken().Match(message.TextBody).Groups[1].Value);
    }

    [GeneratedRegex(@"\?token=(\S+)")]
    private static partial Regex LinkToken();

    /// <summary>The problem body without its per-request parts, to compare two answers.</summary>
    public static async Task<string> ProblemShapeAsync(this HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        problem.Remove("requestId");
        return problem.ToJsonString();
    }
}
