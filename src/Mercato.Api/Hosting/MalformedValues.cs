using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Mercato.Api.Hosting;

/// <summary>
/// A route, query or header value that does not parse (<c>?limit=abc</c>, or an empty <c>?limit=</c>) is a
/// <c>malformed_request</c> problem naming the parameter and the value. The request delegates generated at compile time throw
/// for a missing value (ThrowOnBadRequest), but when a nullable parameter fails to parse they only set a bare 400 and still run
/// the endpoint's filters, and they take an empty value for no value. This filter, first in line, throws what the delegates
/// built at run time throw, with the same message, so <see cref="ExceptionProblems"/> answers as it always has.
/// </summary>
internal static class MalformedValues
{
    public static TBuilder RejectMalformedValues<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var parsed = factory.MethodInfo.GetParameters().Select(ParsedValue.From).OfType<ParsedValue>().ToArray();
            if (parsed.Length == 0) return next;
            return context =>
            {
                foreach (var value in parsed)
                {
                    // A value that is there but left the argument null did not parse (an empty one included).
                    if (context.Arguments[value.Position] is not null || value.Raw(context.HttpContext.Request) is not { } raw) continue;
                    throw new BadHttpRequestException($"Failed to bind parameter \"{value.TypeName} {value.Name}\" from \"{raw}\".");
                }
                // Before the handler, only a value that failed to bind sets a 400.
                if (context.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest && !context.HttpContext.Response.HasStarted)
                    throw new BadHttpRequestException("A route, query or header value could not be read.");
                return next(context);
            };
        });

    /// <summary>A nullable value type (or enum) parsed from the text of a route, query or header value.</summary>
    private sealed record ParsedValue(int Position, string Name, string TypeName, string Key, char Source)
    {
        public static ParsedValue? From(ParameterInfo parameter)
        {
            if (Nullable.GetUnderlyingType(parameter.ParameterType) is not { } type || parameter.Name is not { } name) return null;
            var attributes = parameter.GetCustomAttributes().ToList();
            if (attributes.Any(a => a is IFromBodyMetadata or IFromServiceMetadata or IFromFormMetadata or AsParametersAttribute)) return null;
            if (!type.IsEnum && !type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>))) return null;
            var typeName = $"Nullable<{DisplayName(type)}>";
            return attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header ? new(parameter.Position, name, typeName, header.Name ?? name, 'h')
                : attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query ? new(parameter.Position, name, typeName, query.Name ?? name, 'q')
                : attributes.OfType<IFromRouteMetadata>().FirstOrDefault() is { } route ? new(parameter.Position, name, typeName, route.Name ?? name, 'r')
                : new(parameter.Position, name, typeName, name, '?');
        }

        /// <summary>The text sent for the parameter, or null when none was sent.</summary>
        public string? Raw(HttpRequest request) => Source switch
        {
            'h' => request.Headers.TryGetValue(Key, out var header) ? header.ToString() : null,
            'q' => request.Query.TryGetValue(Key, out var query) ? query.ToString() : null,
            'r' => request.RouteValues.TryGetValue(Key, out var route) ? route?.ToString() : null,
            _ => request.RouteValues.TryGetValue(Key, out var route) ? route?.ToString()
                : request.Query.TryGetValue(Key, out var query) ? query.ToString() : null,
        };

        /// <summary>The type as the run-time delegates name it in their message (<c>Nullable&lt;int&gt;</c>).</summary>
        private static string DisplayName(Type type) => type.IsEnum ? type.Name : Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool",
            TypeCode.Byte => "byte",
            TypeCode.SByte => "sbyte",
            TypeCode.Char => "char",
            TypeCode.Int16 => "short",
            TypeCode.UInt16 => "ushort",
            TypeCode.Int32 => "int",
            TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long",
            TypeCode.UInt64 => "ulong",
            TypeCode.Single => "float",
            TypeCode.Double => "double",
            TypeCode.Decimal => "decimal",
            _ => type.Name,
        };
    }
}
