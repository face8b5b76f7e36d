using System.Security.Claims;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity;

/// <summary>
/// Admin management of secret keys: the secret is shown once, at creation. A key has a role or explicit scopes, and nobody
/// hands out (or takes away) more than they have: a caller creates and revokes only keys within its own permissions, and
/// only an owner may create or revoke an owner key.
/// </summary>
internal static class AdminApiKeys
{
    public sealed record CreateRequest(string Name, string? Role, IReadOnlyList<string?>? Scopes, DateTimeOffset? ExpiresAt);

    /// <summary><see cref="Permissions"/> is what the key may do now: its role's current set, or its scopes.</summary>
    public sealed record ApiKeyResponse(string Id, string Name, string Redacted, string? Role, IReadOnlyList<string>? Scopes,
        IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt,
        DateTimeOffset? RevokedAt)
    {
        public static ApiKeyResponse From(ApiKey k) =>
            new(k.Id, k.Name, k.Redacted, k.Role, k.ScopeList, [.. k.Permissions.Order(StringComparer.Ordinal)], k.CreatedAt,
                k.ExpiresAt, k.LastUsedAt, k.RevokedAt);
    }

    /// <summary>The creation answer: the only time the secret is ever returned.</summary>
    public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/api-keys").WithTags("API keys").RequirePermissions(Permissions.ApiKeysRead, Permissions.ApiKeysWrite);
        group.MapGet("/", List).WithName("ListApiKeys").WithSummary("List secret keys (never their secrets)");
        group.MapGet("/{id}", Get).WithName("GetApiKey").WithSummary("Get a secret key (never its secret)");
        group.MapPost("/", Create).WithName("CreateApiKey")
            .WithSummary("Create a secret key with a role or scopes (default: the owner role); the secret is shown once");
        group.MapDelete("/{id}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a secret key");
    }

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<ApiKey>().AsNoTracking().PageByAsync(k => k.Id, limit, cursor, ApiKeyResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        return key is null ? Error.NotFound("API key", id).ToProblem() : TypedResults.Ok(ApiKeyResponse.From(key));
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, 200);
        var role = request.Scopes is null ? request.Role ?? Roles.Owner : request.Role;
        if (request.Role is not null && request.Scopes is not null) v.Add("scopes", "Give a role or scopes, not both.");
        else if (role is not null && !Roles.Exists(role)) v.Add("role", $"One of: {string.Join(", ", Roles.All)}.");
        var scopes = Scopes(v, request.Scopes);
        if (request.ExpiresAt <= time.GetUtcNow()) v.Add("expiresAt", "Must be in the future.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();

        if (MayHandOut(http.User, role, scopes is null ? null : string.Join(' ', scopes)) is { } refused) return refused.ToProblem();
        var secret = ApiKey.NewSecret();
        var key = new ApiKey(request.Name.Trim(), secret, scopes is null ? role : null, scopes, request.ExpiresAt?.ToUniversalTime(), time);
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/admin/api-keys/{key.Id}", new CreatedApiKeyResponse(ApiKeyResponse.From(key), secret));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> Revoke(string id, MercatoDb db, HttpContext http,
        TimeProvider time, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Error.NotFound("API key", id).ToProblem();
        if (MayHandOut(http.User, key.Role, key.Scopes) is { } refused) return refused.ToProblem();
        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ApiKeyResponse.From(key));
    }

    /// <summary>The distinct, known permission names of a scoped key; null when the request gives no scopes.</summary>
    private static List<string>? Scopes(Validator v, IReadOnlyList<string?>? requested)
    {
        if (requested is null) return null;
        if (requested.Count == 0) v.Add("scopes", "At least one permission.");
        v.Count("scopes", requested, Permissions.All.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i] is not { } name || !Permissions.All.Contains(name))
                v.Add($"scopes[{i}]", $"One of: {string.Join(", ", Permissions.All)}.");
        }
        return [.. requested.OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Null when the caller has every permission of a key with <paramref name="role"/> or <paramref name="scopes"/>.</summary>
    private static Error? MayHandOut(ClaimsPrincipal caller, string? role, string? scopes)
    {
        if (role == Roles.Owner && !caller.IsInRole(Roles.Owner))
            return IdentityErrors.Forbidden("Only an owner may create or revoke a key with the owner role.");
        var lacking = ApiKey.PermissionsOf(role, scopes).Where(p => !caller.HasClaim(Callers.PermissionClaim, p))
            .Order(StringComparer.Ordinal).ToList();
        return lacking.Count == 0
            ? null
            : IdentityErrors.Forbidden($"A key cannot have permissions its creator lacks: {string.Join(", ", lacking)}.");
    }
}
