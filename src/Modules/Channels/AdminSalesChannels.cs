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
using Microsoft.Extensions.Caching.Memory;

namespace Mercato.Channels;

/// <summary>Admin CRUD for sales channels and their publishable keys.</summary>
internal static class AdminSalesChannels
{
    public sealed record CreateRequest(string Name, string? Description, bool? IsDefault, IReadOnlyList<string>? AllowedOrigins);

    public sealed record UpdateRequest(string? Name, string? Description, bool? IsDefault, bool? IsDisabled,
        IReadOnlyList<string>? AllowedOrigins);

    public sealed record CreateKeyRequest(string? Title);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/sales-channels").WithTags("Sales channels")
            .RequirePermissions(Permissions.SettingsRead, Permissions.SettingsWrite);
        group.MapGet("/", List).WithName("ListSalesChannels").WithSummary("List sales channels with their publishable keys");
        group.MapGet("/{id}", Get).WithName("GetSalesChannel").WithSummary("Get a sales channel");
        group.MapPost("/", Create).WithName("CreateSalesChannel").WithSummary("Create a sales channel");
        group.MapPatch("/{id}", Update).WithName("UpdateSalesChannel").WithSummary("Update a sales channel");
        group.MapDelete("/{id}", Delete).WithName("DeleteSalesChannel").WithSummary("Delete a sales channel and its keys");
        group.MapPost("/{id}/publishable-keys", CreateKey).WithName("CreatePublishableKey")
            .WithSummary("Create a publishable key for the channel");
        group.MapDelete("/{id}/publishable-keys/{keyId}", RevokeKey).WithName("RevokePublishableKey")
            .WithSummary("Revoke a publishable key");
    }

    private static async Task<Results<Ok<Page<SalesChannelResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit,
        string? cursor, CancellationToken ct)
    {
        var page = await db.Set<SalesChannel>().Include(c => c.Keys).AsNoTracking().AsSplitQuery().PageByAsync(c => c.Id, limit, cursor, SalesChannelResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<SalesChannelResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var channel = await Find(db, id, ct);
        if (channel is null) return Error.NotFound("sales channel", id).ToProblem();
        http.SetETag(channel.Version);
        return TypedResults.Ok(SalesChannelResponse.From(channel));
    }

    private static async Task<Results<Created<SalesChannelResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        TimeProvider time, IMemoryCache cache, PublishableKeyCache keys, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, 200).MaxLength("description", request.Description, 2000);
        var origins = AllowedOrigins.Normalize(request.AllowedOrigins, v);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var channel = new SalesChannel(request.Name.Trim(), request.Description, request.IsDefault ?? false, time) { AllowedOrigins = origins ?? [] };
        // A channel is only reachable through a key, so it starts with one.
        channel.AddKey("Default key", time);
        db.Add(channel);
        await db.SaveChangesAsync(ct);
        SalesChannelOriginCache.Invalidate(cache);
        keys.Forget();
        http.SetETag(channel.Version);
        return TypedResults.Created($"/admin/sales-channels/{channel.Id}", SalesChannelResponse.From(channel));
    }

    private static async Task<Results<Ok<SalesChannelResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request,
        MercatoDb db, TimeProvider time, IMemoryCache cache, PublishableKeyCache keys, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().MaxLength("description", request.Description, 2000);
        if (request.Name is not null) v.Required("name", request.Name, 200);
        var origins = AllowedOrigins.Normalize(request.AllowedOrigins, v);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var channel = await Find(db, id, ct);
        if (channel is null) return Error.NotFound("sales channel", id).ToProblem();
        if (http.CheckIfMatch(channel.Version) is { } stale) return stale.ToProblem();
        if (request.Name is not null) channel.Name = request.Name.Trim();
        if (request.Description is not null) channel.Description = request.Description;
        if (request.IsDefault is { } isDefault) channel.IsDefault = isDefault;
        if (request.IsDisabled is { } isDisabled) channel.IsDisabled = isDisabled;
        if (origins is not null) channel.AllowedOrigins = origins;
        channel.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        SalesChannelOriginCache.Invalidate(cache);
        keys.Forget();
        http.SetETag(channel.Version);
        return TypedResults.Ok(SalesChannelResponse.From(channel));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IMemoryCache cache, PublishableKeyCache keys,
        HttpContext http, CancellationToken ct)
    {
        var channel = await Find(db, id, ct);
        if (channel is null) return Error.NotFound("sales channel", id).ToProblem();
        if (http.CheckIfMatch(channel.Version) is { } stale) return stale.ToProblem();
        db.Remove(channel);
        await db.SaveChangesAsync(ct);
        SalesChannelOriginCache.Invalidate(cache);
        keys.Forget();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<PublishableKeyResponse>, ProblemHttpResult>> CreateKey(string id,
        CreateKeyRequest request, MercatoDb db, TimeProvider time, CancellationToken ct)
    {
        if (new Validator().MaxLength("title", request.Title, 200).ToError() is { } invalid) return invalid.ToProblem();
        var channel = await Find(db, id, ct);
        if (channel is null) return Error.NotFound("sales channel", id).ToProblem();
        var key = channel.AddKey(string.IsNullOrWhiteSpace(request.Title) ? "Publishable key" : request.Title.Trim(), time);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/admin/sales-channels/{id}", PublishableKeyResponse.From(key));
    }

    private static async Task<Results<Ok<PublishableKeyResponse>, ProblemHttpResult>> RevokeKey(string id, string keyId,
        MercatoDb db, TimeProvider time, PublishableKeyCache keys, CancellationToken ct)
    {
        var channel = await Find(db, id, ct);
        var key = channel?.Keys.SingleOrDefault(k => k.Id == keyId);
        if (channel is null || key is null) return Error.NotFound("publishable key", keyId).ToProblem();
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            // The keys are part of the channel's representation, so its version (and ETag) moves with them.
            channel.UpdatedAt = key.RevokedAt.Value;
        }
        await db.SaveChangesAsync(ct);
        keys.Forget();
        return TypedResults.Ok(PublishableKeyResponse.From(key));
    }

    private static Task<SalesChannel?> Find(MercatoDb db, string id, CancellationToken ct) =>
        db.Set<SalesChannel>().Include(c => c.Keys).SingleOrDefaultAsync(c => c.Id == id, ct);
}
