using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Api.Hosting;

/// <summary>Documents the two key schemes and which surface needs which.</summary>
internal sealed class OpenApiSecurity : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Mercato API";
        document.Info.Description = "Store API (/store, publishable key) and Admin API (/admin, secret key) of the Mercato commerce engine.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["secretKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "Admin API: `Authorization: Bearer sk_...`",
        };
        document.Components.SecuritySchemes["publishableKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Publishable-Key",
            Description = "Store API: the sales channel's publishable key `pk_...`",
        };
        foreach (var (path, item) in document.Paths)
        {
            var scheme = path.StartsWith("/admin", StringComparison.Ordinal) ? "secretKey"
                : path.StartsWith("/store", StringComparison.Ordinal) ? "publishableKey" : null;
            if (scheme is null || item.Operations is null) continue;
            foreach (var operation in item.Operations.Values)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] }];
            }
        }
        return Task.CompletedTask;
    }
}
