using System.Net.Http.Headers;

namespace Mercato.Api.Tests.Security;

/// <summary>Secret keys made through the Admin API (with the owner's bootstrap key) and clients that use them.</summary>
public static class PermissionTestData
{
    /// <summary>A new key with <paramref name="role"/> or, when given, exactly <paramref name="scopes"/>; answers its client and id.</summary>
    public static async Task<(HttpClient Client, string KeyId)> KeyAsync(this MercatoApp app, string? role = null,
        IEnumerable<string>? scopes = null, HttpClient? creator = null)
    {
        object body = scopes is null
            ? new { name = Given.Unique("key"), role }
            : new { name = Given.Unique("key"), scopes = scopes.ToArray() };
        var created = await (creator ?? app.Admin).PostJsonAsync("/admin/api-keys", body);
        return (app.ClientWithKey(created.Str("secret")), created["key"].Str("id"));
    }

    public static HttpClient ClientWithKey(this MercatoApp app, string secret)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
