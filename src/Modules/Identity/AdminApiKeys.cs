using Mercato.Kernel.Errors;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity;

/// <summary>Admin management of secret keys: the secret is shown once, at creation.</summary>
internal static class AdminApiKeys
{
    public sealed record CreateRequest(string Name, string? Role, DateTimeOffset? ExpiresAt);

    public sealed record ApiKeyResponse(string Id, string Name, string Redacted, string Role, DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
    {
        public static ApiKeyResponse From(ApiKey k) =>
            new(k.Id, k.Name, k.Redacted, k.Role, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt);
    }

    /// <summary>The creation answer: the only time the secret is ever returned.</summary>
    public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/api-keys").WithTags("API keys");
        group.MapGet("/", List).WithName("ListApiKeys").WithSummary("List secret keys (never their secrets)");
        group.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create a secret key; the secret is shown once");
        group.MapDelete("/{id}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a secret key");
    }

    private static async Task<Results<Ok<Page<ApiKeyResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<ApiKey>().AsNoTracking().PageByAsync(k => k.Id, limit, cursor, ApiKeyResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        TimeProvider time, CancellationToken ct)
    {
        var role = request.Role ?? Roles.Owner;
        var v = new Validator().Required("name", request.Name, 200);
        if (!Roles.All.Contains(role)) v.Add("role", $"One of: {string.Join(", ", Roles.All)}.");
        if (request.ExpiresAt <= time.GetUtcNow()) v.Add("expiresAt", "Must be in the future.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var secret = ApiKey.NewSecret();
        var key = new ApiKey(request.Name.Trim(), secret, role, request.ExpiresAt?.ToUniversalTime(), time);
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/admin/api-keys/{key.Id}", new CreatedApiKeyResponse(ApiKeyResponse.From(key), secret));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> Revoke(string id, MercatoDb db, TimeProvider time,
        CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Error.NotFound("API key", id).ToProblem();
        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ApiKeyResponse.From(key));
    }
}
