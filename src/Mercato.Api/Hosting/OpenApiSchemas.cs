using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Api.Hosting;

/// <summary>
/// Makes request schemas say what the server accepts: a nullable property may be left out (records list every
/// constructor parameter as required), and free JSON (<c>metadata</c>) is an object.
/// </summary>
internal sealed class OpenApiSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(JsonElement))
        {
            schema.Type = JsonSchemaType.Object;
            schema.AdditionalPropertiesAllowed = true;
            return Task.CompletedTask;
        }
        if (schema.Required is not { Count: > 0 } required || schema.Properties is null) return Task.CompletedTask;
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null) required.Remove(property.Name);
        }
        return Task.CompletedTask;
    }
}
