using Mercato.Api.Tests.Admin.Orders;

namespace Mercato.Api.Tests.Security;

public abstract class SecretsInLogsTests(LoggedApp app)
{
    [Fact]
    public async Task No_key_secret_or_order_token_used_in_requests_appears_in_any_log_line()
    {
        var created = await app.Admin.PostJsonAsync("/admin/api-keys", new { name = "Integration", role = "owner" });
        var secret = created.Str("secret");
        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        await integration.GetJsonAsync("/admin/regions");
        var placed = await app.PlaceSimpleAsync();
        await (await app.Store.GetAsync($"/store/orders/{placed.OrderId}")).Content.ReadAsStringAsync();
        var withToken = new HttpRequestMessage(HttpMethod.Get, $"/store/orders/{placed.OrderId}");
        withToken.Headers.Add("X-Order-Token", placed.OrderToken);
        await (await app.Store.SendAsync(withToken)).ShouldSucceedAsync();
        // Wrong and malformed credentials are logged by the authentication handlers: without the value tried.
        var wrongSecret = secret[..^4] + "zzzz";
        var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", wrongSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/admin/regions")).StatusCode);
        var wrongPublishable = app.PublishableKey[..^4] + "zzzz";
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.StoreClient(wrongPublishable).GetAsync("/store/regions")).StatusCode);

        Assert.NotEmpty(app.Logs.Lines);
        app.Logs.ShouldNotContain(MercatoApp.AdminKey, app.PublishableKey, secret, placed.OrderToken, wrongSecret, wrongPublishable);
    }

    [Fact]
    public async Task Every_log_line_written_during_a_request_carries_its_request_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/regions");
        request.Headers.Add("X-Request-Id", "trace-me-0042");

        await (await app.Admin.SendAsync(request)).ShouldSucceedAsync();

        // The database commands are logged deep inside the endpoint: the scope reaches them.
        var tagged = app.Logs.Lines.Where(l => l.Scopes.Any(s => s.Contains("RequestId=trace-me-0042", StringComparison.Ordinal))).ToList();
        Assert.Contains(tagged, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.Contains(tagged, l => l.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unhandled_failure_answers_a_500_problem_without_stack_trace_exception_type_or_sql()
    {
        var response = await app.Anonymous.GetAsync("/test/failure");

        var problem = await response.ShouldBeProblemAsync(500, "internal_error");
        var body = problem.ToJsonString();
        foreach (var leak in new[] { "SELECT", "identity_api_key", "sk_live_leak", "InvalidOperationException", "Exception", " at ", ".cs:line", "Mercato.Api" })
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(problem.Str("requestId")));
        Assert.Equal(problem.Str("requestId"), response.Headers.GetValues("X-Request-Id").Single());
        // The failure is logged for the operators, with the same request id.
        Assert.Contains(app.Logs.Lines, l => l.Exception?.Contains("InvalidOperationException", StringComparison.Ordinal) == true
            && l.Scopes.Any(s => s.Contains($"RequestId={problem.Str("requestId")}", StringComparison.Ordinal)));
    }
}

public sealed class SecretsInLogsOnSqlite(SqliteLoggedApp app) : SecretsInLogsTests(app), IClassFixture<SqliteLoggedApp>;

public sealed class SecretsInLogsOnPostgres(PostgresLoggedApp app) : SecretsInLogsTests(app), IClassFixture<PostgresLoggedApp>;
