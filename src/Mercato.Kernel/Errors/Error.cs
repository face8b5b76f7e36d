using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Kernel.Errors;

/// <summary>An expected failure: a stable snake_case <see cref="Code"/>, a human <see cref="Detail"/> and an HTTP status.</summary>
public sealed record Error(string Code, string Detail, int Status, IDictionary<string, string[]>? Fields = null)
{
    public static Error NotFound(string resource, string id) =>
        new("not_found", $"No {resource} with id '{id}'.", StatusCodes.Status404NotFound);

    public static Error Validation(IDictionary<string, string[]> fields) =>
        new("validation_failed", "One or more fields are invalid.", StatusCodes.Status400BadRequest, fields);

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error Conflict(string code, string detail) => new(code, detail, StatusCodes.Status409Conflict);

    public static Error VersionMismatch(int current) =>
        new("version_conflict", $"The resource has changed; its current version is {current}.", StatusCodes.Status412PreconditionFailed);

    public ProblemHttpResult ToProblem()
    {
        var extensions = new Dictionary<string, object?> { ["code"] = Code };
        if (Fields is not null) extensions["errors"] = Fields;
        return TypedResults.Problem(detail: Detail, statusCode: Status, title: Problems.TitleFor(Status),
            type: Problems.TypeFor(Code), extensions: extensions);
    }
}

/// <summary>Either a value or an <see cref="Error"/>.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Error? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public Error? Error { get; }

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}

public static class Problems
{
    public static string TypeFor(string code) => "https://mercato.dev/problems/" + code.Replace('_', '-');

    public static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        406 => "Not acceptable",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Unprocessable content",
        428 => "Precondition required",
        429 => "Too many requests",
        _ when status >= 500 => "Internal server error",
        _ => "Request failed",
    };

    /// <summary>The code given to a problem that was produced without one (framework 4xx, status-code pages).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        412 => "version_conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ when status >= 500 => "internal_error",
        _ => "request_failed",
    };
}
