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

namespace Mercato.Catalog.Categories;

internal sealed record CategoryResponse(string Id, string Name, string Handle, string Path, string? Description, string? ParentId,
    int Position, bool IsActive, string? ExternalId, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CategoryResponse From(Category c) =>
        new(c.Id, c.Name, c.Handle, c.Path, c.Description, c.ParentId, c.Position, c.IsActive, c.ExternalId, c.Version, c.CreatedAt, c.UpdatedAt);
}

internal sealed record StoreCategoryResponse(string Id, string Name, string Handle, string Path, string? Description, string? ParentId,
    int Position);

/// <summary>The category tree: admin CRUD (moves keep paths right) and the store's navigation list.</summary>
internal static class CategoryEndpoints
{
    public sealed record CreateRequest(string Name, string? Handle, string? Description, string? ParentId, int? Position, bool? IsActive,
        string? ExternalId = null);

    /// <summary>A partial update; <c>externalId: ""</c> removes the external id.</summary>
    public sealed record UpdateRequest(string? Name, string? Handle, string? Description, string? ParentId, bool? MoveToRoot,
        int? Position, bool? IsActive, string? ExternalId = null);

    public static void Map(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        store.MapGet("/categories", ListForStore).WithTags("Categories").WithName("StoreListCategories")
            .WithSummary("List active categories in tree order (each category before its subtree)").Produces<Page<StoreCategoryResponse>>();
        var group = admin.MapGroup("/categories").WithTags("Categories")
            .RequirePermissions(Permissions.CatalogRead, Permissions.CatalogWrite);
        group.MapGet("/", List).WithName("ListCategories").WithSummary("List categories in tree order (each category before its subtree)");
        group.MapGet("/{id}", Get).WithName("GetCategory").WithSummary("Get a category");
        group.MapPost("/", Create).WithName("CreateCategory").WithSummary("Create a category");
        group.MapPatch("/{id}", Update).WithName("UpdateCategory").WithSummary("Rename, move or reorder a category");
        group.MapDelete("/{id}", Delete).WithName("DeleteCategory").WithSummary("Delete a category without subcategories");
    }

    private static async Task<IResult> ListForStore(MercatoDb db, StoreCategories categories, HttpContext http, CancellationToken ct)
    {
        var tree = await categories.GetAsync(db, ct);
        var visible = tree.Visible.Select(c => new StoreCategoryResponse(c.Id, c.Name, c.Handle, c.Path, c.Description, c.ParentId, c.Position));
        return CacheableJson.Ok(http, new Page<StoreCategoryResponse>([.. visible], null), [CacheableJson.CategoriesTag, .. visible.Select(c => c.Id)]);
    }

    private static async Task<Results<Ok<Page<CategoryResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        string? externalId, CancellationToken ct)
    {
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit.ToProblem();
        var query = db.Set<Category>().AsNoTracking();
        if (Products.ProductEditor.NormalizeExternalId(externalId) is { } wanted) query = query.Where(c => c.ExternalId == wanted);
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 2) is not [{ } key, { } id]) return ListQuery.InvalidCursor().ToProblem();
            query = query.Where(c => c.Path.Replace("/", " ").CompareTo(key) > 0 || (c.Path.Replace("/", " ") == key && c.Id.CompareTo(id) > 0));
        }
        // Tree order: with '/' read as a space (below every handle character) each subtree follows its parent.
        var rows = await query.OrderBy(c => c.Path.Replace("/", " ")).ThenBy(c => c.Id).Take(size.Value + 1).ToListAsync(ct);
        var next = rows.Count > size.Value ? Cursor.Encode(rows[size.Value - 1].Path.Replace('/', ' '), rows[size.Value - 1].Id) : null;
        return TypedResults.Ok(new Page<CategoryResponse>([.. rows.Take(size.Value).Select(CategoryResponse.From)], next));
    }

    private static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var category = await db.Set<Category>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return Error.NotFound("category", id).ToProblem();
        http.SetETag(category.Version);
        return TypedResults.Ok(CategoryResponse.From(category));
    }

    private static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> Create(CreateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Required("name", request.Name, CatalogLimits.Title).Handle("handle", request.Handle)
            .MaxLength("description", request.Description, CatalogLimits.Description).Range("position", request.Position, 0, 1_000_000)
            .MaxLength("externalId", request.ExternalId, CatalogLimits.ExternalId);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var handle = request.Handle ?? Products.ProductEditor.Slugify(request.Name);
        var externalId = Products.ProductEditor.NormalizeExternalId(request.ExternalId);
        async Task<Error?> CheckUnique()
        {
            if (await db.Set<Category>().AnyAsync(c => c.Handle == handle, ct)) return CatalogErrors.HandleTaken(handle);
            return externalId is not null && await db.Set<Category>().AnyAsync(c => c.ExternalId == externalId, ct)
                ? CatalogErrors.ExternalIdTaken("category", externalId) : null;
        }
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        Category? parent = null;
        if (request.ParentId is not null)
        {
            parent = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == request.ParentId, ct);
            if (parent is null) return Error.Validation("parentId", $"No category with id '{request.ParentId}'.").ToProblem();
            if (parent.Path.Length + 1 + handle.Length > CatalogLimits.CategoryPath) return TooDeep("parentId").ToProblem();
        }
        var category = new Category(request.Name.Trim(), handle, time)
        {
            Description = request.Description, ParentId = parent?.Id, Path = parent is null ? handle : $"{parent.Path}/{handle}",
            Position = request.Position ?? 0, IsActive = request.IsActive ?? true, ExternalId = externalId,
        };
        db.Add(category);
        events.Raise(CatalogEvents.CategoryCreated, category.Id, () => CategoryResponse.From(category));
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(category.Version);
        return TypedResults.Created($"/admin/categories/{category.Id}", CategoryResponse.From(category));
    }

    private static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> Update(string id, UpdateRequest request, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator().Handle("handle", request.Handle).MaxLength("description", request.Description, CatalogLimits.Description)
            .Range("position", request.Position, 0, 1_000_000).MaxLength("externalId", request.ExternalId, CatalogLimits.ExternalId);
        if (request.Name is not null) v.Required("name", request.Name, CatalogLimits.Title);
        if (request.ParentId is not null && request.MoveToRoot == true) v.Add("parentId", "Give a parentId or moveToRoot, not both.");
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        // The tree is small (hundreds of nodes): loading it whole keeps moves and path rewrites simple and exact.
        var all = await db.Set<Category>().ToListAsync(ct);
        var category = all.Find(c => c.Id == id);
        if (category is null) return Error.NotFound("category", id).ToProblem();
        if (http.CheckIfMatch(category.Version) is { } stale) return stale.ToProblem();
        if (request.Handle is not null && all.Any(c => c.Handle == request.Handle && c.Id != id))
            return CatalogErrors.HandleTaken(request.Handle).ToProblem();
        var externalId = Products.ProductEditor.NormalizeExternalId(request.ExternalId);
        if (externalId is not null && all.Any(c => c.ExternalId == externalId && c.Id != id))
            return CatalogErrors.ExternalIdTaken("category", externalId).ToProblem();
        var newParentId = request.MoveToRoot == true ? null : request.ParentId ?? category.ParentId;
        if (newParentId is not null)
        {
            var parent = all.Find(c => c.Id == newParentId);
            if (parent is null) return Error.Validation("parentId", $"No category with id '{newParentId}'.").ToProblem();
            if (parent.Id == category.Id || parent.Path.StartsWith(category.Path + "/", StringComparison.Ordinal))
                return CatalogErrors.CategoryCycle().ToProblem();
        }
        var oldPath = category.Path;
        var newHandle = request.Handle ?? category.Handle;
        var newPath = newParentId is null ? newHandle : $"{all.Single(c => c.Id == newParentId).Path}/{newHandle}";
        var deepest = all.Where(c => c.Path.StartsWith(oldPath + "/", StringComparison.Ordinal)).Select(c => c.Path.Length).DefaultIfEmpty(oldPath.Length).Max();
        if (deepest - oldPath.Length + newPath.Length > CatalogLimits.CategoryPath)
            return TooDeep(newParentId == category.ParentId ? "handle" : "parentId").ToProblem();
        var now = time.GetUtcNow();
        if (request.Name is not null) category.Name = request.Name.Trim();
        if (request.Description is not null) category.Description = request.Description;
        if (request.Position is { } position) category.Position = position;
        if (request.IsActive is { } active) category.IsActive = active;
        if (request.ExternalId is not null) category.ExternalId = externalId;
        if (request.Handle is not null) category.Handle = request.Handle;
        category.ParentId = newParentId;
        if (newPath != oldPath)
        {
            foreach (var descendant in all.Where(c => c.Path.StartsWith(oldPath + "/", StringComparison.Ordinal)))
            {
                descendant.Path = newPath + descendant.Path[oldPath.Length..];
                descendant.UpdatedAt = now;
                events.Raise(CatalogEvents.CategoryUpdated, descendant.Id, () => CategoryResponse.From(descendant));
            }
            category.Path = newPath;
        }
        category.UpdatedAt = now;
        events.Raise(CatalogEvents.CategoryUpdated, category.Id, () => CategoryResponse.From(category));
        async Task<Error?> CheckUnique()
        {
            if (request.Handle is not null && await db.Set<Category>().AnyAsync(c => c.Handle == request.Handle && c.Id != id, ct))
                return CatalogErrors.HandleTaken(request.Handle);
            return externalId is not null && await db.Set<Category>().AnyAsync(c => c.ExternalId == externalId && c.Id != id, ct)
                ? CatalogErrors.ExternalIdTaken("category", externalId) : null;
        }
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(category.Version);
        return TypedResults.Ok(CategoryResponse.From(category));
    }

    /// <summary>Paths are stored whole, so the tree's depth is bounded by their length (the database column holds no more).</summary>
    private static Error TooDeep(string field) =>
        Error.Validation(field, $"The category's path, or a subcategory's, would pass {CatalogLimits.CategoryPath} characters; nest less deeply.");

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var category = await db.Set<Category>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return Error.NotFound("category", id).ToProblem();
        if (http.CheckIfMatch(category.Version) is { } stale) return stale.ToProblem();
        if (await db.Set<Category>().AnyAsync(c => c.ParentId == id, ct)) return CatalogErrors.CategoryHasChildren(id).ToProblem();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await Products.LinkedProducts.BumpAsync(db.Set<Products.Product>().Where(p => p.Categories.Any(l => l.CategoryId == id)), time.GetUtcNow(), ct);
        db.Remove(category);
        events.Raise(CatalogEvents.CategoryDeleted, category.Id, CategoryResponse.From(category));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
