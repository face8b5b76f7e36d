using System.Text.Json;
using System.Text.Json.Serialization;
using Mercato.Audit;
using Mercato.Catalog;
using Mercato.Channels;
using Mercato.Identity;
using Mercato.Kernel.Caching;
using Mercato.Kernel.Email;
using Mercato.Kernel.Errors;
using Mercato.Kernel.Events;
using Mercato.Kernel.Http;
using Mercato.Kernel.Idempotency;
using Mercato.Kernel.Jobs;
using Mercato.Kernel.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Scalar.AspNetCore;

namespace Mercato.Api.Hosting;

/// <summary>Everything the host adds around the modules: storage, keys, problem details, OpenAPI, health.</summary>
internal static class HostSetup
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static void AddMercato(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        // Read when the first context is made, not now: hosts such as the test factory add their settings after this point.
        services.AddDbContextPool<MercatoDb>((sp, o) =>
        {
            var (provider, connectionString) = DatabaseSettings(sp.GetRequiredService<IConfiguration>());
            MercatoDbOptions.Configure(o, provider, connectionString, Modules.Assemblies);
            o.UseModel(CompiledModels.For(provider));
            if (provider == DatabaseProvider.Sqlite)
            {
                o.UseSqliteStatementCache(sp.GetRequiredService<IConfiguration>()
                    .GetValue("Mercato:Database:SqliteStatementCache", SqliteStatementCacheOptions.DefaultCapacity));
            }
            // Interceptors registered by the host (tracing, tests' query counters) see every command.
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        var role = HostRole.From(builder.Configuration);
        services.AddSingleton(role);
        services.AddModules();
        services.AddEmail();
        services.AddDomainEvents();
        services.AddJobs(builder.Configuration, role.RunsWorker);
        AddOutputCache(services, builder.Configuration, role);

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = AddCode);
        services.AddExceptionHandler<ExceptionProblems>();

        services.AddIdentity();
        services.AddAuthentication().AddSecretKeys().AddPublishableKeys();
        services.AddAuthorizationBuilder()
            .AddPolicy(Callers.AdminPolicy, p => p.AddAuthenticationSchemes(Callers.AdminScheme).RequireAuthenticatedUser()
                .RequireEndpointPermission())
            .AddPolicy(Callers.StorePolicy, p => p.AddAuthenticationSchemes(Callers.PublishableKeyScheme, Callers.CustomerTokenScheme)
                .RequireAuthenticatedUser().RequireClaim(Callers.SalesChannelClaim).RequireValidCustomerTokenIfPresent())
            .AddPolicy(Callers.CustomerPolicy, p => p.AddAuthenticationSchemes(Callers.PublishableKeyScheme, Callers.CustomerTokenScheme)
                .RequireAuthenticatedUser().RequireClaim(Callers.SalesChannelClaim).RequireValidCustomerTokenIfPresent()
                .RequireSignedInCustomer());

        // Transient like the framework's own: the authorization middleware resolves it per request.
        services.AddTransient<IPolicyEvaluator>(sp =>
            new OncePerRequestPolicyEvaluator(new PolicyEvaluator(sp.GetRequiredService<IAuthorizationService>())));
        services.AddMercatoRateLimiting();
        services.AddForwardedClients();
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, Cors>();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiSecurity>().AddOperationTransformer<OpenApiFileBodies>().AddOperationTransformer<OpenApiIdempotencyKey>()
                .AddOperationTransformer<OpenApiOptionalParameters>()
                .AddSchemaTransformer<OpenApiSchemas>();
            // Schemas are named by the type's simple name, so every slice's nested CreateRequest would share one schema.
            o.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } owner
                ? owner.Name + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });
        services.AddSingleton<IResponseCompressionProvider>(sp => new EncodedETags(ActivatorUtilities.CreateInstance<ResponseCompressionProvider>(sp)));
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
    }

    /// <summary>The output cache of catalog answers: in memory, or on Redis when <c>Mercato:Cache:Redis</c> is set (shared by the nodes).</summary>
    private static void AddOutputCache(IServiceCollection services, IConfiguration config, HostRole role)
    {
        var redis = config["Mercato:Cache:Redis"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = config["Mercato:Cache:RedisPrefix"] ?? "mercato:";
            });
        }
        services.AddStoreAnswerCache(config, followOutbox: role.ServesApi);
        if (role.ServesApi && config.GetValue("Mercato:Search:WarmFacetIndex", true)) services.AddCatalogWarmup();
    }

    public static (DatabaseProvider Provider, string ConnectionString) DatabaseSettings(IConfiguration config)
    {
        var provider = MercatoDbOptions.ParseProvider(config["Mercato:Database:Provider"]);
        var connectionString = config.GetConnectionString("Mercato");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? "Data Source=data/mercato.db"
                : throw new InvalidOperationException("ConnectionStrings:Mercato is required when Mercato:Database:Provider is postgres.");
        }
        connectionString = provider == DatabaseProvider.Sqlite
            ? MercatoDbOptions.NormalizeSqlite(connectionString) : MercatoDbOptions.NormalizePostgres(connectionString);
        return (provider, connectionString);
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DictionaryKeyPolicy = null;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.MaxDepth = 32;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        json.Converters.Add(new UtcTimestamps());
    }

    public static void UseMercato(this WebApplication app)
    {
        var maxBody = app.Configuration.GetValue("Mercato:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        // First, so that every log line and every response (errors included) carries the request id and the headers.
        app.UseMiddleware<RequestIds>();
        // The client's address from a trusted proxy's X-Forwarded-For, before anything (rate limits, audit) reads it.
        if (ForwardedClients.AnyTrusted(app.Configuration)) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Media files change name when they change, so browsers and CDNs may keep them for a day.
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=86400" });
        // Explicit, so that routing runs inside the request id's logging scope.
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimit>(maxBody);
        app.UseAuthentication();
        // The caller is known before CORS (a key's own channel origins) and the rate limiter (per customer, key or IP).
        app.UseMiddleware<CallerIdentity>();
        // Before the limiter, so that a 429 carries the CORS headers a browser needs to read it; preflights end here.
        app.UseCors();
        // Switched off (a gateway in front limits instead), the limiter is left out: it cost 2% of a cached answer doing nothing.
        if (app.Configuration.GetValue("Mercato:RateLimits:Enabled", true)) app.UseRateLimiter();
        app.UseAuthorization();
        // After authorization, so a cached answer still needs a valid key and counts against the rate limit; compression
        // runs inside the cache, so entries are kept compressed (one per encoding) and a hit is never compressed again.
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseMiddleware<NulFreeInput>();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).WithTags("Operations");
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).WithTags("Operations");
        // A worker node answers the health checks only: its work is the job queue.
        if (!app.Services.GetRequiredService<HostRole>().ServesApi) return;

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Mercato API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();

        var store = app.MapGroup("/store").RequireAuthorization(Callers.StorePolicy).RejectMalformedValues().OpenSqliteOncePerRequest()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized);
        var admin = app.MapGroup("/admin").RequireAuthorization(Callers.AdminPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RejectMalformedValues().AddAuditTrail().OpenSqliteOncePerRequest();
        Modules.MapModules(store, admin, app);
        AdminEvents.Map(admin);
        AdminJobs.Map(admin);
    }

    /// <summary>Every problem carries a stable <c>code</c>, also those the framework writes (401, 404, 405...).</summary>
    private static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!problem.Extensions.ContainsKey("code")) problem.Extensions["code"] = Problems.CodeFor(status);
        problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
        var code = (string)problem.Extensions["code"]!;
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal)) problem.Type = Problems.TypeFor(code);
        problem.Title ??= Problems.TitleFor(status);
        problem.Detail ??= status switch
        {
            401 => "A valid key is required: X-Publishable-Key for the Store API, Authorization: Bearer sk_... for the Admin API.",
            403 => "The key is valid but lacks the permission for this operation.",
            404 => "No resource at this address.",
            405 => "This address does not accept that method.",
            _ => problem.Title,
        };
        problem.Extensions.Remove("exception");
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var log = scope.ServiceProvider.GetRequiredService<ILogger<MercatoDb>>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the single writer; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        // Migrate() also diffs the model against the last migration's snapshot and takes the migrations lock (a write) even
        // when nothing is pending: half a second or more of every start. MigrationTests fails on a model without its migration.
        if ((await db.Database.GetPendingMigrationsAsync()).Any()) await db.Database.MigrateAsync();
        await IdentityModule.PrepareAsync(scope.ServiceProvider, db, CancellationToken.None);
        var bootstrapKey = app.Configuration["MERCATO_BOOTSTRAP_ADMIN_KEY"];
        if (!string.IsNullOrWhiteSpace(bootstrapKey))
            await IdentityModule.EnsureBootstrapKeyAsync(db, bootstrapKey.Trim(), time, CancellationToken.None);
        var seed = app.Configuration["Mercato:Seed"] ?? "demo";
        if (seed.Equals("demo", StringComparison.OrdinalIgnoreCase))
        {
            var seeded = await Seed.DemoCatalog.SeedIfEmptyAsync(db, time, log, CancellationToken.None);
            if (seeded) log.LogInformation("Seeded the demo catalog into an empty database");
        }
        else if (!seed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Mercato:Seed '{seed}' is not 'demo' or 'none'.");
        }
        // Databases from before the search index (or filled around the API) get indexed once.
        if (await scope.ServiceProvider.GetRequiredService<Mercato.Catalog.Contracts.ICatalogSearchIndex>().RebuildIfEmptyAsync(CancellationToken.None))
            log.LogInformation("Built the product search index");
        if (db.Database.IsSqlite() && await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync() == 0)
        {
            // Without statistics SQLite picks indexes blindly, and a store list can sort the whole catalog for one page.
            // Taken once, after the seed; a search rebuild (which follows bulk changes) takes them again.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }
}
