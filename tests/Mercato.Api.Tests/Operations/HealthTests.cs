namespace Mercato.Api.Tests.Operations;

public abstract class HealthTests(MercatoApp app)
{
    [Fact]
    public async Task Live_answers_without_a_key()
    {
        var response = await app.Anonymous.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_checks_the_database()
    {
        var response = await app.Anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthOnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthOnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
