using System.Text.Json;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Contracts;
using Mercato.Channels.Contracts;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Paging;
using Mercato.Kernel.Persistence;
using Mercato.Kernel.Security;
using Mercato.Kernel.Validation;
using Mercato.Tax.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Products;

/// <summary>Admin CRUD for products; variants have their own nested routes (<see cref="AdminVariants"/>).</summary>
internal static class AdminProducts
{
    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/products").WithTags("Products")
            .RequirePermissions(Permissions.CatalogRead, Permissions.CatalogWrite);
        group.MapGet("/", List).WithName("ListProducts").WithSummary("List products, newest first");
        group.MapGet("/{id}", Get).WithName("GetProduct").WithSummary("Get a product with its variants");
        group.MapPost("/", Create).WithName("CreateProduct").WithSummary("Create a product with options and variants");
        group.MapPatch("/{id}", Update).WithName("UpdateProduct").WithSummary("Update a product (absent fields stay as they are)");
        group.MapDelete("/{id}", Delete).WithName("DeleteProduct").WithSummary("Delete a product and its variants");
    }

    public static IQueryable<Product> WithGraph(this IQueryable<Product> products) => products
        .Include(p => p.Options).Include(p => p.Variants).ThenInclude(v => v.OptionValues)
        .Include(p => p.Variants).ThenInclude(v => v.Prices).Include(p => p.Media).Include(p => p.Tags)
        .Include(p => p.Categories).Include(p => p.Collections).Include(p => p.Channels).Include(p => p.Attributes)
        .Include(p => p.PriceSummaries).AsSplitQuery();

    public static async Task<ProductResponse> ResponseAsync(MercatoDb db, Product product, CancellationToken ct)
    {
        var types = await AttributeTypesAsync(db, product.Attributes.Select(a => a.Key), ct);
        return ProductResponse.From(product, types);
    }

    private static async Task<Dictionary<string, AttributeType>> AttributeTypesAsync(MercatoDb db, IEnumerable<string> keys,
        CancellationToken ct)
    {
        var list = keys.Distinct().ToList();
        if (list.Count == 0) return [];
        return await db.Set<AttributeDefinition>().Where(a => list.Contains(a.Key)).ToDictionaryAsync(a => a.Key, a => a.Type, ct);
    }

    private static async Task<Results<Ok<Page<ProductResponse>>, ProblemHttpResult>> List(MercatoDb db, int? limit, string? cursor,
        string? status, string? q, string? externalId, CancellationToken ct)
    {
        var size = ListQuery.Limit(limit);
        if (size.Error is { } badLimit) return badLimit.ToProblem();
        var query = db.Set<Product>().AsNoTracking();
        if (status is not null)
        {
            if (ParseStatus(status) is not { } s)
                return Error.Validation("status", $"One of: {string.Join(", ", Enum.GetValues<ProductStatus>().Select(StatusName))}.").ToProblem();
            query = query.Where(p => p.Status == s);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(p => p.TitleSort.Contains(term) || p.Handle.Contains(term));
        }
        if (!string.IsNullOrWhiteSpace(externalId)) query = query.Where(p => p.ExternalId == externalId);
        if (cursor is not null)
        {
            if (Cursor.Decode(cursor, 1) is not [{ } before]) return ListQuery.InvalidCursor().ToProblem();
            query = query.Where(p => p.Id.CompareTo(before) < 0);
        }
        var rows = await query.OrderByDescending(p => p.Id).Take(size.Value + 1).WithGraph().ToListAsync(ct);
        var page = rows.Take(size.Value).ToList();
        var types = await AttributeTypesAsync(db, page.SelectMany(p => p.Attributes).Select(a => a.Key), ct);
        var next = rows.Count > size.Value ? Cursor.Encode(page[^1].Id) : null;
        return TypedResults.Ok(new Page<ProductResponse>([.. page.Select(p => ProductResponse.From(p, types))], next));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Get(string id, MercatoDb db, HttpContext http,
        CancellationToken ct)
    {
        var product = await db.Set<Product>().AsNoTracking().WithGraph().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null) return Error.NotFound("product", id).ToProblem();
        http.SetETag(product.Version);
        return TypedResults.Ok(await ResponseAsync(db, product, ct));
    }

    private static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> Create(CreateProductRequest request, MercatoDb db,
        ISalesChannelDirectory channels, ITaxClasses taxClasses, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        ProductEditor.ValidateShape(v, request);
        if (v.ToError() is { } invalid) return invalid.ToProblem();

        var handle = request.Handle ?? await ProductEditor.FreeHandleAsync(db, request.Title, ct);
        var variants = request.Variants is { Count: > 0 } given ? given : [new VariantRequest(DefaultSku(handle), null, null, null, null, null, null, null)];
        var channelIds = request.SalesChannelIds ?? await channels.DefaultChannelIdsAsync(ct);
        if (await ProductEditor.CheckReferencesAsync(db, channels, request.CategoryIds, request.CollectionIds, request.SalesChannelIds, ct) is { } badRef)
            return badRef.ToProblem();
        if (await CheckTaxClassAsync(taxClasses, request.TaxClassId, ct) is { } badTaxClass) return badTaxClass.ToProblem();
        var attributes = await ProductEditor.ResolveAttributesAsync(db, request.Attributes ?? new Dictionary<string, System.Text.Json.JsonElement>(), ct);
        if (attributes.Error is { } badAttribute) return badAttribute.ToProblem();
        var externalId = string.IsNullOrWhiteSpace(request.ExternalId) ? null : request.ExternalId.Trim();
        var skus = variants.Select(x => ProductEditor.NormalizeSku(x.Sku)).ToList();
        var variantExternalIds = variants.Select(x => ProductEditor.NormalizeExternalId(x.ExternalId)).OfType<string>().ToList();
        Task<Error?> CheckUnique() => ProductEditor.CheckUniqueAsync(db, null, handle, skus, externalId, ct, variantExternalIds);
        if (await CheckUnique() is { } taken) return taken.ToProblem();

        var product = new Product(request.Title.Trim(), handle, time)
        {
            Subtitle = request.Subtitle, Description = request.Description, Status = request.Status ?? ProductStatus.Draft,
            ProductType = request.ProductType, MetaTitle = request.Seo?.MetaTitle, MetaDescription = request.Seo?.MetaDescription,
            Metadata = request.Metadata?.GetRawText(), ExternalId = externalId,
            TaxClassId = string.IsNullOrEmpty(request.TaxClassId) ? null : request.TaxClassId,
            GiftCard = request.GiftCard ?? false,
        };
        ProductEditor.ApplyOptions(product, request.Options ?? [], time);
        foreach (var variant in variants) product.Variants.Add(ProductEditor.NewVariant(product, variant, time));
        if (ProductEditor.CheckVariantOptions(product) is { } badOptions) return badOptions.ToProblem();
        ProductEditor.ApplyLinks(product, request.CategoryIds ?? [], request.CollectionIds ?? [], channelIds, request.Tags ?? [],
            request.Media ?? [], time);
        ProductEditor.ApplyAttributes(product, attributes.Value!);
        // A new product was last changed when it was made: updatedAt equals createdAt until the first write.
        product.Touch(product.CreatedAt);

        db.Add(product);
        await events.RaiseAsync(db, CatalogEvents.ProductCreated, product, null, ct);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(product.Version);
        return TypedResults.Created($"/admin/products/{product.Id}", await ResponseAsync(db, product, ct));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Update(string id, UpdateProductRequest request,
        MercatoDb db, ISalesChannelDirectory channels, ITaxClasses taxClasses, IDomainEvents events, TimeProvider time, HttpContext http,
        CancellationToken ct)
    {
        var v = new Validator();
        ProductEditor.ValidateShape(v, request);
        if (v.ToError() is { } invalid) return invalid.ToProblem();
        var product = await db.Set<Product>().WithGraph().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null) return Error.NotFound("product", id).ToProblem();
        if (http.CheckIfMatch(product.Version) is { } stale) return stale.ToProblem();

        if (await ProductEditor.CheckReferencesAsync(db, channels, request.CategoryIds, request.CollectionIds, request.SalesChannelIds, ct) is { } badRef)
            return badRef.ToProblem();
        if (await CheckTaxClassAsync(taxClasses, request.TaxClassId, ct) is { } badTaxClass) return badTaxClass.ToProblem();
        List<(string, string, double?)>? attributes = null;
        if (request.Attributes is not null)
        {
            var resolved = await ProductEditor.ResolveAttributesAsync(db, request.Attributes, ct);
            if (resolved.Error is { } badAttribute) return badAttribute.ToProblem();
            attributes = resolved.Value;
        }
        var externalId = request.ExternalId is null ? null : request.ExternalId.Trim();
        Task<Error?> CheckUnique() => ProductEditor.CheckUniqueAsync(db, product.Id, request.Handle, [], string.IsNullOrEmpty(externalId) ? null : externalId, ct);
        if (await CheckUnique() is { } taken) return taken.ToProblem();

        if (request.Title is not null) product.Title = request.Title.Trim();
        if (request.Handle is not null) product.Handle = request.Handle;
        if (request.Subtitle is not null) product.Subtitle = request.Subtitle;
        if (request.Description is not null) product.Description = request.Description;
        if (request.Status is { } status) product.Status = status;
        if (request.ProductType is not null) product.ProductType = request.ProductType;
        if (request.Seo?.MetaTitle is not null) product.MetaTitle = request.Seo.MetaTitle;
        if (request.Seo?.MetaDescription is not null) product.MetaDescription = request.Seo.MetaDescription;
        if (request.Metadata is { } metadata) product.Metadata = metadata.GetRawText();
        if (externalId is not null) product.ExternalId = externalId.Length == 0 ? null : externalId;
        if (request.TaxClassId is not null) product.TaxClassId = request.TaxClassId.Length == 0 ? null : request.TaxClassId;
        if (request.GiftCard is { } giftCard) product.GiftCard = giftCard;
        if (request.Options is not null)
        {
            ProductEditor.ApplyOptions(product, request.Options, time);
            if (ProductEditor.CheckVariantOptions(product) is { } badOptions) return badOptions.ToProblem();
        }
        ProductEditor.ApplyLinks(product, request.CategoryIds, request.CollectionIds, request.SalesChannelIds, request.Tags, request.Media, time);
        if (attributes is not null) ProductEditor.ApplyAttributes(product, attributes);
        product.Touch(time.GetUtcNow());
        await events.RaiseAsync(db, CatalogEvents.ProductUpdated, product, ProductEvents.PricesOf(product), ct);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(product.Version);
        return TypedResults.Ok(await ResponseAsync(db, product, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, MercatoDb db, IDomainEvents events, HttpContext http,
        CancellationToken ct)
    {
        var product = await db.Set<Product>().WithGraph().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null) return Error.NotFound("product", id).ToProblem();
        if (http.CheckIfMatch(product.Version) is { } stale) return stale.ToProblem();
        await events.RaiseAsync(db, CatalogEvents.ProductDeleted, product, null, ct);
        db.Remove(product);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Error?> CheckTaxClassAsync(ITaxClasses taxClasses, string? taxClassId, CancellationToken ct) =>
        string.IsNullOrEmpty(taxClassId) || await taxClasses.ExistsAsync(taxClassId, ct)
            ? null
            : Error.Validation("taxClassId", $"No tax class with id '{taxClassId}'.");

    // The filter takes the status as responses write it ("published"); enum binding would want "Published" and accept "1".
    private static ProductStatus? ParseStatus(string value) =>
        Enum.GetValues<ProductStatus>().Cast<ProductStatus?>().FirstOrDefault(s => StatusName(s!.Value).Equals(value, StringComparison.OrdinalIgnoreCase));

    private static string StatusName(ProductStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    /// <summary>A product created without variants gets one, whose SKU comes from the handle.</summary>
    private static string DefaultSku(string handle)
    {
        var sku = handle.ToUpperInvariant();
        return sku.Length > 64 ? sku[..64] : sku;
    }
}
