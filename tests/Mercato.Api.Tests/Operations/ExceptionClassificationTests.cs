using Mercato.Api.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mercato.Api.Tests.Operations;

/// <summary>Writes that lose a race inside the database are a retryable 409, not a 500.</summary>
public sealed class ExceptionClassificationTests
{
    public static TheoryData<string> RacingErrors => new(PostgresErrorCodes.DeadlockDetected, PostgresErrorCodes.SerializationFailure);

    [Theory]
    [MemberData(nameof(RacingErrors))]
    public void A_postgres_deadlock_or_serialization_failure_is_409_concurrent_update(string sqlState)
    {
        var error = ExceptionProblems.Classify(new DefaultHttpContext(),
            new DbUpdateException("save failed", new PostgresException("raced", "ERROR", "ERROR", sqlState)));
        Assert.Equal(("concurrent_update", 409), (error.Code, error.Status));
    }

    [Fact]
    public void A_busy_sqlite_database_is_409_concurrent_update()
    {
        var error = ExceptionProblems.Classify(new DefaultHttpContext(), new SqliteException("database is locked", 5));
        Assert.Equal(("concurrent_update", 409), (error.Code, error.Status));
    }

    [Fact]
    public void Any_other_database_failure_stays_a_500_that_shows_nothing()
    {
        var error = ExceptionProblems.Classify(new DefaultHttpContext(), new SqliteException("disk I/O error", 10));
        Assert.Equal(("internal_error", 500), (error.Code, error.Status));
    }
}
