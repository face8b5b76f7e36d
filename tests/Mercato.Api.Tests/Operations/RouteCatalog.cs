using Mercato.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Operations;

/// <summary>One method on one route of the running app, as its EndpointDataSource describes it.</summary>
public sealed record ApiRoute(string Method, string Pattern, IReadOnlyList<RouteParameter> Parameters, Type? BodyType)
{
    /// <summary>The id that stands in for a resource that does not exist.</summary>
    public const string DummyId = "zz_0000000000000000000000000";

    public bool IsAdmin => Pattern.StartsWith("/admin", StringComparison.Ordinal);

    /// <summary>The permission the endpoint declares (its last <c>RequiredPermission</c>), or null.</summary>
    public string? Permission { get; init; }

    /// <summary>Whether the endpoint is open without credentials (IAllowAnonymous metadata, e.g. admin login).</summary>
    public bool AllowsAnonymous { get; init; }

    /// <summary>The endpoint's name (WithName), e.g. <c>UpdateProduct</c>.</summary>
    public string? Name { get; init; }

    public bool HasJsonBody => BodyType is not null;

    /// <summary>The address with every parameter replaced by the dummy id.</summary>
    public string DummyUrl => Url(_ => null);

    /// <summary>
    /// The address with each parameter filled by <paramref name="idFor"/> (given the collection segment before it,
    /// e.g. "products" for {id} in /admin/products/{id}); a null answer uses the dummy id.
    /// </summary>
    public string Url(Func<string, string?> idFor)
    {
        var url = Pattern;
        foreach (var parameter in Parameters)
        {
            url = url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(idFor(parameter.Collection) ?? DummyId),
                StringComparison.Ordinal);
        }
        return url;
    }

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>A route parameter and the literal segment before it, which names the collection it indexes.</summary>
public sealed record RouteParameter(string Name, string Collection);

/// <summary>
/// The app's own /admin and /store routes, read from its EndpointDataSource, so the platform-wide tests also cover
/// endpoints added after they were written.
/// </summary>
public static class RouteCatalog
{
    public static IReadOnlyList<ApiRoute> Of(MercatoApp app)
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var routes = new List<ApiRoute>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = Normalize(endpoint.RoutePattern);
            if (!pattern.StartsWith("/admin/", StringComparison.Ordinal) && !pattern.StartsWith("/store/", StringComparison.Ordinal))
                continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var body = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
                .FirstOrDefault(a => a.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase)))?.RequestType;
            foreach (var method in methods)
            {
                routes.Add(new ApiRoute(method, pattern, Parameters(endpoint.RoutePattern), body)
                {
                    Permission = endpoint.Metadata.GetMetadata<RequiredPermission>()?.Permission,
                    AllowsAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    Name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
                });
            }
        }
        return [.. routes.DistinctBy(r => r.ToString()).OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method)];
    }

    /// <summary>Routes mapped with MapGet("/") inside a group end in a slash; clients call them without it.</summary>
    private static string Normalize(RoutePattern pattern)
    {
        var text = "/" + string.Join("/", pattern.PathSegments.Select(Segment));
        return text.Length > 1 ? text.TrimEnd('/') : text;
    }

    private static string Segment(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        RoutePatternSeparatorPart separator => separator.Content,
        _ => throw new NotSupportedException(part.GetType().Name),
    }));

    private static List<RouteParameter> Parameters(RoutePattern pattern)
    {
        var parameters = new List<RouteParameter>();
        var previous = "";
        foreach (var segment in pattern.PathSegments)
        {
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternLiteralPart literal) previous = literal.Content;
                else if (part is RoutePatternParameterPart parameter) parameters.Add(new RouteParameter(parameter.Name, previous));
            }
        }
        return parameters;
    }

    /// <summary>A request for <paramref name="route"/>; a route that takes a JSON body gets an empty object.</summary>
    public static HttpRequestMessage Request(ApiRoute route, string url) => new(new HttpMethod(route.Method), url)
    {
        Content = route.HasJsonBody ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
    };

    /// <summary>POST, PATCH and PUT: the methods that take a body and change data.</summary>
    public static bool IsWrite(this ApiRoute route) =>
        HttpMethods.IsPost(route.Method) || HttpMethods.IsPatch(route.Method) || HttpMethods.IsPut(route.Method);
}
