namespace Mercato.Kernel.Http;

/// <summary>
/// Endpoint metadata for a route whose body is a raw file read from the request stream. It documents the body in OpenAPI
/// only: <c>Accepts</c> metadata would make routing answer 415 before authentication answers 401.
/// </summary>
public sealed record FileBody(string Description, params string[] ContentTypes);
