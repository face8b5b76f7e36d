using Mercato.Catalog.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
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

namespace Mercato.Catalog.Collections;

internal sealed record CollectionResponse(string Id, string Title, string Handle, string? Description, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CollectionResponse From(Collection c) => new(c.Id, c.Title, c.Handle, c.Description, c.Version, c.CreatedAt, c.UpdatedAt);
}

internal sealed record StoreCollectionResponse(string Id, string Title, string Handle, string? Description);

/// <summary>Admin CRUD for collections (membership is set on products) and the store's list.</summary>
internal static class CollectionEndpoints
{
    public sealed record CreateRequest(string Title, string? Handle, string? Description);

    public sealed record UpdateRequest(string? Title, string? Handle, string? Description);

    public static void Map(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        store.MapGet("/collections", ListForStore).WithTags("Collections").WithName("StoreListCollections")
            .WithSummary("List collections").Produces<Page<StoreCollectionResponse>>();
        var group = admin.MapGroup("/collections").WithTags("Collections")
            .RequirePermissions(Permissions.CatalogRead, Permissions.CatalogWrite);
        group.MapGet("/", List).WithName("ListCollections").WithSummary("List collections");
        group.MapGet("/{id}", Get).WithName("GetCollection").WithSummary("Get a collection");
        group.MapPost("/", Create).WithName("CreateCollection").WithSummary("Create a collection");
        group.MapPatch("/{id}", Update).WithName("UpdateCollection").WithSummary("Update a collection");
        group.MapDelete("/{id}", Delete).WithName("DeleteCollection").WithSummary("Delete a collection (products stay)");
    }

    private static async Task<IResult> ListForStore(MercatoDb db, HttpContext http, CancellationToken ct)
    {
        var rows = await db.Set<Collection>().AsNoTracking().OrderBy(c => c.Handle)
            .Select(c => new StoreCollectionResponse(c.Id, c.Title, c.Handle, c.Description)).ToListAsync(ct);
        return CacheableJson.Ok(http, new Page<StoreCollectionResponse>(rows, null), [CacheableJson.CollectionsTag, .. rows.Select(r => r.Id)]);
    }

    private static async Task<Results<Ok<Page<CollectionResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        CancellationToken ct)
    {
        var page = await db.Set<Collection>().AsNoTracking().PageByAsync(c => c.Handle, limit, cursor, CollectionResponse.From, ct);
        return page.Error is { } error ? error.ToProblem() : TypedResults.Ok(page.Value!);
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var collection = await db.Set<Collection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (collection is null) return Error.NotFound("collection", id).ToProblem();
        http.SetETag(collection.Version);
        return TypedResults.Ok(CollectionResponse.From(collection));
    }

    private static async Task<Results<Created<CollectionResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("title", request.Title, CatalogLimits.Title).Handle("handle", request.Handle)
            .MaxLength("description", request.Description, CatalogLimits.Description);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var handle = request.Handle ?? Products.ProductEditor.Slugify(request.Title);
        async Task<Error?> CheckUnique() => await db.Set<Collection>().AnyAsync(c => c.Handle == handle, ct) ? CatalogErrors.HandleTaken(handle) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var collection = new Collection(request.Title.Trim(), handle, time) { Description = request.Description };
        db.Add(collection);
        events.Raise(CatalogEvents.CollectionCreated, collection.Id, () => CollectionResponse.From(collection));
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(collection.Version);
        return TypedResults.Created($"/admin/collections/{collection.Id}", CollectionResponse.From(collection));
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Handle("handle", request.Handle).MaxLength("description", request.Description, CatalogLimits.Description);
        if (request.Title is not null) v.Required("title", request.Title, CatalogLimits.Title);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var collection = await db.Set<Collection>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (collection is null) return Error.NotFound("collection", id).ToProblem();
        if (http.CheckIfMatch(collection.Version) is { } stale) return stale.ToProblem();
        async Task<Error?> CheckUnique() => request.Handle is not null && await db.Set<Collection>().AnyAsync(c => c.Handle == request.Handle && c.Id != id, ct)
            ? CatalogErrors.HandleTaken(request.Handle) : null;
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        if (request.Title is not null) collection.Title = request.Title.Trim();
        if (request.Handle is not null) collection.Handle = request.Handle;
        if (request.Description is not null) collection.Description = request.Description;
        collection.UpdatedAt = time.GetUtcNow();
        events.Raise(CatalogEvents.CollectionUpdated, collection.Id, () => CollectionResponse.From(collection));
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(collection.Version);
        return TypedResults.Ok(CollectionResponse.From(collection));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var collection = await db.Set<Collection>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (collection is null) return Error.NotFound("collection", id).ToProblem();
        if (http.CheckIfMatch(collection.Version) is { } stale) return stale.ToProblem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await Products.LinkedProducts.BumpAsync(db.Set<Products.Product>().Where(p => p.Collections.Any(l => l.CollectionId == id)), time.GetUtcNow(), ct);
        db.Remove(collection);
        events.Raise(CatalogEvents.CollectionDeleted, collection.Id, CollectionResponse.From(collection));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
