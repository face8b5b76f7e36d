using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Api.Hosting;

/// <summary>
/// A query parameter the handler declares nullable is optional. The compile-time request delegates describe a nullable
/// array (<c>string[]? tag</c>) as required, while binding treats it as optional like any other nullable parameter.
/// </summary>
internal sealed class OpenApiOptionalParameters : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is null) return Task.CompletedTask;
        var nullability = new NullabilityInfoContext();
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var parameter }) continue;
            if (nullability.Create(parameter).ReadState != NullabilityState.Nullable) continue;
            foreach (var documented in operation.Parameters.OfType<OpenApiParameter>()
                         .Where(p => p.In == ParameterLocation.Query && p.Name == description.Name))
                documented.Required = false;
        }
        return Task.CompletedTask;
    }
}
