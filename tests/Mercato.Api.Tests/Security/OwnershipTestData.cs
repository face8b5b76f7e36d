using System.Net.Http.Headers;
using Mercato.Api.Tests.Operations;
using Mercato.Identity.Contracts;
using Mercato.Kernel.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Security;

/// <summary>A signed-in customer of the Store API: their id, access token and a client sending both keys.</summary>
public sealed record TestCustomer(string Id, string AccessToken, HttpClient Store);

/// <summary>Customers and channels for the ownership tests, minted through Identity's sessions (no Customers module needed).</summary>
public static class OwnershipTestData
{
    /// <summary>A customer signed in, with a client for the channel of <paramref name="publishableKey"/>.</summary>
    public static async Task<TestCustomer> CustomerOnAsync(this WebApplicationFactory<Program> app, string publishableKey, string? customerId = null)
    {
        customerId ??= Given.Unique("cus").Replace('-', '_');
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<ISessions>()
            .StartAsync(new SessionSubject(SubjectKind.Customer, customerId), CancellationToken.None);
        return new TestCustomer(customerId, tokens.AccessToken, app.StoreClientFor(publishableKey, tokens.AccessToken));
    }

    /// <summary>A customer signed in, with a client for the app's default channel.</summary>
    public static Task<TestCustomer> CustomerAsync(this MercatoApp app) => app.CustomerOnAsync(app.PublishableKey);

    /// <summary>A store client with the publishable key and, when given, a customer's bearer token.</summary>
    public static HttpClient StoreClientFor(this WebApplicationFactory<Program> app, string? publishableKey, string? accessToken)
    {
        var client = app.CreateClient();
        if (publishableKey is not null) client.DefaultRequestHeaders.Add("X-Publishable-Key", publishableKey);
        if (accessToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Whether the route needs a signed-in customer (the <c>customer</c> policy): without a token it is 401, not 404.</summary>
    public static bool RequiresCustomer(this MercatoApp app, ApiRoute route) => app.Services.GetRequiredService<EndpointDataSource>()
        .Endpoints.OfType<RouteEndpoint>()
        .Where(e => "/" + e.RoutePattern.RawText?.Trim('/') == route.Pattern)
        .Any(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Callers.CustomerPolicy));

    /// <summary>A second sales channel: its id and publishable key.</summary>
    public static async Task<(string Id, string Key)> SecondChannelAsync(this MercatoApp app)
    {
        var channel = await app.Admin.PostJsonAsync("/admin/sales-channels", new { name = Given.Unique("Second channel") });
        return (channel.Str("id"), channel["publishableKeys"]![0].Str("token"));
    }
}
