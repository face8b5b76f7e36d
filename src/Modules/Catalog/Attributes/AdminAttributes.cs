using System.Text.RegularExpressions;
using Mercato.Catalog.Products;
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

namespace Mercato.Catalog.Attributes;

internal sealed record AttributeResponse(string Id, string Key, string Name, AttributeType Type, IReadOnlyList<string> Values,
    bool Filterable, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AttributeResponse From(AttributeDefinition a) =>
        new(a.Id, a.Key, a.Name, a.Type, a.Values, a.Filterable, a.Version, a.CreatedAt, a.UpdatedAt);
}

/// <summary>Admin CRUD for attribute definitions. The key and type are fixed once created: products rely on them.</summary>
internal static partial class AdminAttributes
{
    // Type is nullable only so that a missing one is a 400 rather than silently "text".
    public sealed record CreateRequest(string Key, string Name, AttributeType? Type, IReadOnlyList<string>? Values, bool? Filterable);

    public sealed record UpdateRequest(string? Name, IReadOnlyList<string>? Values, bool? Filterable);

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/attributes").WithTags("Attributes")
            .RequirePermissions(Permissions.CatalogRead, Permissions.CatalogWrite);
        group.MapGet("/", List).WithName("ListAttributes").WithSummary("List attribute definitions");
        group.MapGet("/{id}", Get).WithName("GetAttribute").WithSummary("Get an attribute definition");
        group.MapPost("/", Create).WithName("CreateAttribute").WithSummary("Define a product attribute");
        group.MapPatch("/{id}", Update).WithName("UpdateAttribute").WithSummary("Rename an attribute or change its enum values");
        group.MapDelete("/{id}", Delete).WithName("DeleteAttribute").WithSummary("Delete an attribute and its values on products");
    }

    private static async Task<Results<Ok<Page<AttributeResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<AttributeDefinition>().AsNoTracking().PageByAsync(a => a.Key, limit, cursor, AttributeResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<AttributeResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var attribute = await db.Set<AttributeDefinition>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attribute is null) return Error.NotFound("attribute", id).ToProblem();
        http.SetETag(attribute.Version);
        return TypedResults.Ok(AttributeResponse.From(attribute));
    }

    private static async Task<Results<Created<AttributeResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("key", request.Key, CatalogLimits.AttributeKey).Required("name", request.Name, CatalogLimits.Title);
        if (request.Key is not null && !KeyPattern().IsMatch(request.Key)) v.Add("key", "A letter, then letters, digits or underscores (e.g. material, capacityMl).");
        if (request.Type is { } type) ValidateValues(v, type, request.Values);
        else v.Add("type", "Required: text, number, boolean or enum.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        async Task<Error?> CheckUnique() =>
            await db.Set<AttributeDefinition>().AnyAsync(a => a.Key == request.Key, ct) ? CatalogErrors.AttributeKeyTaken(request.Key!) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var attribute = new AttributeDefinition(request.Key!, request.Name.Trim(), request.Type!.Value, time)
        {
            Values = [.. request.Values ?? []], Filterable = request.Filterable ?? true,
        };
        db.Add(attribute);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(attribute.Version);
        return TypedResults.Created($"/admin/attributes/{attribute.Id}", AttributeResponse.From(attribute));
    }

    private static async Task<Results<Ok<AttributeResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var attribute = await db.Set<AttributeDefinition>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attribute is null) return Error.NotFound("attribute", id).ToProblem();
        var v = new Validator();
        if (request.Name is not null) v.Required("name", request.Name, CatalogLimits.Title);
        if (request.Values is not null) ValidateValues(v, attribute.Type, request.Values);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        if (http.CheckIfMatch(attribute.Version) is { } stale) return stale.ToProblem();
        if (request.Values is not null)
        {
            var removed = attribute.Values.Except(request.Values).ToList();
            if (removed.Count > 0 && await db.Set<ProductAttributeValue>().AnyAsync(p => p.Key == attribute.Key && removed.Contains(p.Value), ct))
                return Error.Conflict("attribute_value_in_use", "A removed value is still set on products; change those products first.").ToProblem();
            attribute.Values = [.. request.Values];
        }
        if (request.Name is not null) attribute.Name = request.Name.Trim();
        if (request.Filterable is { } filterable) attribute.Filterable = filterable;
        attribute.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.SetETag(attribute.Version);
        return TypedResults.Ok(AttributeResponse.From(attribute));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, TimeProvider time, HttpContext http,
        CancellationToken ct)
    {
        var attribute = await db.Set<AttributeDefinition>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (attribute is null) return Error.NotFound("attribute", id).ToProblem();
        if (http.CheckIfMatch(attribute.Version) is { } stale) return stale.ToProblem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var key = attribute.Key;
        await LinkedProducts.BumpAsync(db.Set<Product>().Where(p => p.Attributes.Any(a => a.Key == key)), time.GetUtcNow(), ct);
        await db.Set<ProductAttributeValue>().Where(p => p.Key == attribute.Key).ExecuteDeleteAsync(ct);
        db.Remove(attribute);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static void ValidateValues(Validator v, AttributeType type, IReadOnlyList<string>? values)
    {
        if (type != AttributeType.Enum)
        {
            if (values is { Count: > 0 }) v.Add("values", "Only enum attributes have a list of values.");
            return;
        }
        if (values is null || values.Count == 0) { v.Add("values", "An enum attribute needs at least one value."); return; }
        v.Count("values", values, 200);
        if (values.Any(x => string.IsNullOrWhiteSpace(x) || x.Length > 100)) v.Add("values", "Each value has 1 to 100 characters.");
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count) v.Add("values", "Values must be unique.");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();
}
