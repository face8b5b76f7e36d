using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Mercato.Kernel.Http;

/// <summary>Names shared by the authentication handlers and the endpoints that read who is calling.</summary>
public static class Callers
{
    public const string SecretKeyScheme = "SecretKey";
    public const string PublishableKeyScheme = "PublishableKey";
    public const string AdminPolicy = "admin";
    public const string StorePolicy = "store";
    public const string SalesChannelClaim = "mercato:sales_channel";
    public const string KeyIdClaim = "mercato:key_id";
    public const string PublishableKeyHeader = "X-Publishable-Key";

    /// <summary>The sales channel of the publishable key that authenticated this Store API request.</summary>
    public static string SalesChannelId(this HttpContext http) =>
        http.User.FindFirstValue(SalesChannelClaim)
        ?? throw new InvalidOperationException("Store endpoint reached without a publishable key.");

    public static string? CallerKeyId(this ClaimsPrincipal user) => user.FindFirstValue(KeyIdClaim);
}
