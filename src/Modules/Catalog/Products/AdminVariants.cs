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

namespace Mercato.Catalog.Products;

/// <summary>
/// Variants are edited through their product: each change bumps the product's version, so If-Match takes the product's ETag.
/// </summary>
internal static class AdminVariants
{
    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/products/{productId}/variants").WithTags("Products")
            .RequirePermissions(Permissions.CatalogRead, Permissions.CatalogWrite);
        group.MapGet("/", List).WithName("ListVariants").WithSummary("List a product's variants");
        group.MapGet("/{variantId}", Get).WithName("GetVariant").WithSummary("Get a variant");
        group.MapPost("/", Create).WithName("CreateVariant").WithSummary("Add a variant to a product");
        group.MapPatch("/{variantId}", Update).WithName("UpdateVariant").WithSummary("Update a variant");
        group.MapDelete("/{variantId}", Delete).WithName("DeleteVariant").WithSummary("Delete a variant");
    }

    /// <summary>All variants in one page (a product has at most 250), in the list shape every list has.</summary>
    private static async Task<Results<Ok<Page<VariantResponse>>, ProblemHttpResult>> List(string productId, string? externalId, MercatoDb db,
        HttpContext http, CancellationToken ct)
    {
        var product = await db.Set<Product>().AsNoTracking().WithGraph().SingleOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return Error.NotFound("product", productId).ToProblem();
        http.SetETag(product.Version);
        var wanted = ProductEditor.NormalizeExternalId(externalId);
        return TypedResults.Ok(new Page<VariantResponse>(
            [.. product.Variants.Where(v => wanted is null || v.ExternalId == wanted)
                .OrderBy(v => v.Position).ThenBy(v => v.Id, StringComparer.Ordinal).Select(VariantResponse.From)], null));
    }

    /// <summary>The address a created variant's Location names; the ETag is the product's, as writes need it.</summary>
    private static async Task<Results<Ok<VariantResponse>, ProblemHttpResult>> Get(string productId, string variantId, MercatoDb db,
        HttpContext http, CancellationToken ct)
    {
        var product = await db.Set<Product>().AsNoTracking().WithGraph().SingleOrDefaultAsync(p => p.Id == productId, ct);
        var variant = product?.Variants.Find(x => x.Id == variantId);
        if (product is null || variant is null) return Error.NotFound("variant", variantId).ToProblem();
        http.SetETag(product.Version);
        return TypedResults.Ok(VariantResponse.From(variant));
    }

    private static async Task<Results<Created<ProductResponse>, ProblemHttpResult>> Create(string productId, VariantRequest request,
        MercatoDb db, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        ProductEditor.ValidateVariant(v, "", request.Sku, skuRequired: true, request.Title, request.Barcode, request.Options,
            request.WeightGrams, request.Prices, request.ExternalId);
        if (Unprefixed(v.ToError()) is { } invalid) return invalid.ToProblem();
        var product = await db.Set<Product>().WithGraph().SingleOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return Error.NotFound("product", productId).ToProblem();
        if (http.CheckIfMatch(product.Version) is { } stale) return stale.ToProblem();
        if (product.Variants.Count >= CatalogLimits.Variants) return CatalogErrors.VariantLimit().ToProblem();
        Task<Error?> CheckUnique() => ProductEditor.CheckUniqueAsync(db, null, null, [ProductEditor.NormalizeSku(request.Sku)], null, ct,
            [.. new[] { ProductEditor.NormalizeExternalId(request.ExternalId) }.OfType<string>()]);
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var pricesBefore = ProductEvents.PricesOf(product);
        var variant = ProductEditor.NewVariant(product, request, time);
        product.Variants.Add(variant);
        if (ProductEditor.CheckVariantOptions(product) is { } badOptions) return badOptions.ToProblem();
        product.Touch(time.GetUtcNow());
        await events.RaiseAsync(db, CatalogEvents.ProductUpdated, product, pricesBefore, ct);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(product.Version);
        return TypedResults.Created($"/admin/products/{productId}/variants/{variant.Id}", await AdminProducts.ResponseAsync(db, product, ct));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Update(string productId, string variantId,
        UpdateVariantRequest request, MercatoDb db, IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        ProductEditor.ValidateVariant(v, "", request.Sku, skuRequired: false, request.Title, request.Barcode, request.Options,
            request.WeightGrams, request.Prices, request.ExternalId);
        if (Unprefixed(v.ToError()) is { } invalid) return invalid.ToProblem();
        var product = await db.Set<Product>().WithGraph().SingleOrDefaultAsync(p => p.Id == productId, ct);
        var variant = product?.Variants.Find(x => x.Id == variantId);
        if (product is null || variant is null) return Error.NotFound("variant", variantId).ToProblem();
        if (http.CheckIfMatch(product.Version) is { } stale) return stale.ToProblem();
        var externalId = ProductEditor.NormalizeExternalId(request.ExternalId);
        async Task<Error?> CheckUnique()
        {
            if (request.Sku is not null
                && await db.Set<Variant>().AnyAsync(x => x.Sku == ProductEditor.NormalizeSku(request.Sku) && x.Id != variantId, ct))
                return CatalogErrors.SkuTaken([ProductEditor.NormalizeSku(request.Sku)]);
            return externalId is not null && await db.Set<Variant>().AnyAsync(x => x.ExternalId == externalId && x.Id != variantId, ct)
                ? CatalogErrors.ExternalIdTaken("variant", externalId) : null;
        }
        if (await CheckUnique() is { } taken) return taken.ToProblem();
        var pricesBefore = ProductEvents.PricesOf(product);
        ProductEditor.ApplyVariant(product, variant, request, time.GetUtcNow());
        if (ProductEditor.CheckVariantOptions(product) is { } badOptions) return badOptions.ToProblem();
        product.Touch(time.GetUtcNow());
        await events.RaiseAsync(db, CatalogEvents.ProductUpdated, product, pricesBefore, ct);
        if (await db.SaveOrConflictAsync(CheckUnique, ct) is { } lost) return lost.ToProblem();
        http.SetETag(product.Version);
        return TypedResults.Ok(await AdminProducts.ResponseAsync(db, product, ct));
    }

    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> Delete(string productId, string variantId, MercatoDb db,
        IDomainEvents events, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var product = await db.Set<Product>().WithGraph().SingleOrDefaultAsync(p => p.Id == productId, ct);
        var variant = product?.Variants.Find(x => x.Id == variantId);
        if (product is null || variant is null) return Error.NotFound("variant", variantId).ToProblem();
        if (http.CheckIfMatch(product.Version) is { } stale) return stale.ToProblem();
        if (product.Variants.Count == 1) return CatalogErrors.LastVariant().ToProblem();
        product.Variants.Remove(variant);
        product.Touch(time.GetUtcNow());
        await events.RaiseAsync(db, CatalogEvents.ProductUpdated, product, ProductEvents.PricesOf(product), ct);
        await db.SaveChangesAsync(ct);
        http.SetETag(product.Version);
        return TypedResults.Ok(await AdminProducts.ResponseAsync(db, product, ct));
    }

    /// <summary>Field paths of a variant body start at its root ("sku", not ".sku").</summary>
    private static Error? Unprefixed(Error? error) => error?.Fields is null ? error
        : error with { Fields = error.Fields.ToDictionary(f => f.Key.TrimStart('.'), f => f.Value) };
}
