using Mercato.Kernel.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Api.Hosting;

/// <summary>
/// Documents the <c>Idempotency-Key</c> header on every write the <see cref="IdempotencyMiddleware"/> replays (POST, PATCH,
/// PUT, DELETE, except routes whose answers hold credentials), as required where the endpoint refuses a write without one.
/// </summary>
internal sealed class OpenApiIdempotencyKey : IOpenApiOperationTransformer
{
    private static readonly HashSet<string> Writes = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (context.Description.HttpMethod is not { } method || !Writes.Contains(method) || metadata.OfType<AnswersCredentials>().Any())
            return Task.CompletedTask;
        var required = metadata.OfType<IdempotencyKeyRequired>().Any();
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.Header,
            In = ParameterLocation.Header,
            Required = required,
            Description = (required ? "Required. " : "") +
                "A unique key (1 to 255 printable characters) that makes the request safe to retry: the same key with the same " +
                "request replays the first answer for 24 hours; with a different request it is 422 idempotency_key_reused; " +
                "while the first is running, 409 idempotency_key_in_flight.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyMiddleware.MaxKeyLength },
        });
        return Task.CompletedTask;
    }
}
