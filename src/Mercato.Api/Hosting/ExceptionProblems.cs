using System.Text.Json;
using Mercato.Kernel.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mercato.Api.Hosting;

/// <summary>
/// Turns the exceptions that bad input or races can cause into 4xx problems; anything else is a 500 that shows no internals.
/// </summary>
internal sealed partial class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var error = Classify(http, exception);
        if (error.Status >= 500) LogUnhandled(logger, exception, http.Request.Method, http.Request.Path.Value);
        else LogRejected(logger, http.Request.Method, http.Request.Path.Value, error.Code);
        http.Response.StatusCode = error.Status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = error.Status, Title = Problems.TitleFor(error.Status), Detail = error.Detail, Type = Problems.TypeFor(error.Code),
        };
        problem.Extensions["code"] = error.Code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    internal static Error Classify(HttpContext http, Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: 413 }:
                return new Error("payload_too_large", "The request body is too large.", 413);
            case BadHttpRequestException bad when Find<JsonException>(bad) is { } json:
                return json.Message.Contains("could not be mapped", StringComparison.Ordinal)
                    ? new Error("unknown_field", $"The body has a field this endpoint does not accept: {Path(json)}.", 400)
                    : new Error("malformed_request", $"The JSON body is malformed or has a value of the wrong type at {Path(json)}.", 400);
            case BadHttpRequestException bad when bad.Message.Contains("body was provided", StringComparison.Ordinal)
                || bad.Message.Contains("was not provided from body", StringComparison.Ordinal):
                return new Error("malformed_request", "This endpoint needs a JSON object as its body.", 400);
            case BadHttpRequestException bad:
                return new Error("malformed_request", bad.Message, bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400);
            case JsonException json:
                return new Error("malformed_request", $"The JSON body is malformed at {Path(json)}.", 400);
            case DbUpdateConcurrencyException:
                return http.Request.Headers.IfMatch.Count > 0
                    ? new Error("version_conflict", "The resource was changed by another request.", 412)
                    : new Error("version_conflict", "The resource was changed by another request; reload it and retry.", 409);
            // Text PostgreSQL cannot store (a NUL in a query string or an attribute value); SQLite takes it, so it is the input's fault.
            case Exception e when Find<PostgresException>(e) is { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }:
                return new Error("malformed_request", "A value contains a character that cannot be stored (such as U+0000).", 400);
            case DbUpdateException db when IsUniqueViolation(db):
                return new Error("duplicate", "A resource with the same unique value (handle, SKU...) already exists.", 409);
            // The database gave up on a write that raced another (a deadlock, or SQLite still busy after its timeout): nothing
            // was committed, so the client may simply retry.
            case Exception e when Find<PostgresException>(e) is { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }
                || Find<SqliteException>(e) is { SqliteErrorCode: 5 or 6 }:
                return new Error("concurrent_update", "Another request changed the same data at the same moment; retry.", 409);
            case OperationCanceledException when http.RequestAborted.IsCancellationRequested:
                return new Error("request_aborted", "The client closed the request.", 499);
            default:
                return new Error("internal_error", "Something went wrong on our side. It has been logged.", 500);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string? path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Method} {Path}: {Code}")]
    private static partial void LogRejected(ILogger logger, string method, string? path, string code);

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T found) return found;
        }
        return null;
    }

    private static string Path(JsonException json) => string.IsNullOrEmpty(json.Path) ? "the root" : $"'{json.Path}'";

    private static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
