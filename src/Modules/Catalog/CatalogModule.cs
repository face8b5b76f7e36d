using System.Reflection;
using System.Text.Json.Serialization;
using Mercato.Catalog.Attributes;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Collections;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.PriceLists;
using Mercato.Catalog.Products;
using Mercato.Catalog.Search;
using Mercato.Catalog.Transfer;
using Mercato.Kernel.Caching;
using Mercato.Kernel.Events;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog;

/// <summary>Front door of the Catalog module: products, variants, categories, collections and attribute definitions.</summary>
public static class CatalogModule
{
    public static Assembly Assembly => typeof(CatalogModule).Assembly;

    /// <summary>Loads the store's facet index in the background when an API node starts.</summary>
    public static IServiceCollection AddCatalogWarmup(this IServiceCollection services) => services.AddHostedService<FacetIndexWarmup>();

    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        // Source-generated metadata for the hot store reads; other types fall back to reflection.
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CatalogJson.Default));
        services.AddOptions<ImportOptions>().BindConfiguration("Mercato:Imports");
        services.AddScoped<ImportBatch>();
        services.AddJobHandler<ImportJob>(ImportJob.JobType);
        services.AddScoped<ICacheTagSource, CatalogCacheTags>();
        // The search index is written by an interceptor so that every product change, whoever makes it, updates it in its save.
        services.AddSingleton<IInterceptor, SearchIndexer>();
        services.AddScoped<IProductSearch, IndexedProductSearch>();
        services.AddScoped<ICatalogSearchIndex, CatalogSearchIndex>();
        services.AddJobHandler<SearchReindexJob>(SearchReindexJob.JobType);
        // Facets are counted from memory, kept current by the changes this node commits and those its outbox follower reads.
        services.AddSingleton<CatalogFacetIndex>();
        services.AddSingleton<ActivePriceLists>();
        services.AddSingleton<StoreCategories>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<StoreCategories>());
        services.AddSingleton<IFollowedChangeObserver>(sp => sp.GetRequiredService<StoreCategories>());
        services.AddSingleton<StoreProducts.PageQueries>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<ActivePriceLists>());
        services.AddSingleton<IFollowedChangeObserver>(sp => sp.GetRequiredService<ActivePriceLists>());
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<CatalogFacetIndex>());
        services.AddSingleton<IFollowedChangeObserver>(sp => sp.GetRequiredService<CatalogFacetIndex>());
        services.AddScoped<IVariantPrices, PriceResolver>();
        services.AddScoped<IProductTaxonomy, ProductTaxonomyReader>();
        return services.AddScoped<IVariantCatalog, VariantCatalog>();
    }

    public static void MapCatalog(RouteGroupBuilder store, RouteGroupBuilder admin)
    {
        // Every anonymous catalog read answers through CacheableJson: routes mapped on this group are output-cached.
        var catalog = store.MapGroup("").CacheStoreAnswers();
        StoreProducts.Map(catalog);
        StoreSearch.Map(catalog);
        AdminSearch.Map(admin);
        AdminProducts.Map(admin);
        AdminVariants.Map(admin);
        CategoryEndpoints.Map(catalog, admin);
        CollectionEndpoints.Map(catalog, admin);
        AdminAttributes.Map(admin);
        AdminPriceLists.Map(admin);
        AdminImports.Map(admin);
        ProductExport.Map(admin);
    }
}

[JsonSerializable(typeof(Page<StoreProductSummary>))]
[JsonSerializable(typeof(StoreProductResponse))]
[JsonSerializable(typeof(StoreFacets))]
[JsonSerializable(typeof(StoreSuggestions))]
[JsonSerializable(typeof(Page<StoreCategoryResponse>))]
[JsonSerializable(typeof(Page<StoreCollectionResponse>))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(double))]
internal sealed partial class CatalogJson : JsonSerializerContext;
