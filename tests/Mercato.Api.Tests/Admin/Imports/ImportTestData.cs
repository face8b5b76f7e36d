using System.Net.Http.Headers;
using Mercato.Kernel.Events;
using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Admin.Imports;

public static class ImportTestData
{
    public const string CsvHeader = "handle,externalId,title,status,tags,categories,option1.name,option1.value,variant.sku,variant.externalId,variant.title,price.USD,price.EUR";

    public static Task<HttpResponseMessage> PostImportAsync(this MercatoApp app, string body, string contentType, string query = "")
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return app.Admin.PostAsync("/admin/imports" + query, content);
    }

    /// <summary>Posts the file, checks the 202, runs the job and returns the finished import.</summary>
    public static async Task<JsonNode> ImportAsync(this MercatoApp app, string body, string contentType = "text/csv", string query = "")
    {
        var response = await app.PostImportAsync(body, contentType, query);
        var accepted = await response.ShouldSucceedAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("queued", accepted.Str("status"));
        Assert.Equal($"/admin/imports/{accepted.Str("id")}", response.Headers.Location?.ToString());
        await app.RunJobsAsync();
        return await app.Admin.GetJsonAsync($"/admin/imports/{accepted.Str("id")}");
    }

    public static (int Created, int Updated, int Unchanged, int Failed) Counts(this JsonNode import) =>
        (import["counts"].Int("created"), import["counts"].Int("updated"), import["counts"].Int("unchanged"), import["counts"].Int("failed"));

    public static (int Row, string Field)[] ErrorRows(this JsonNode import) =>
        [.. import.Arr("errors").Select(e => (e.Int("row"), e.Str("field")))];

    public static async Task<JsonNode?> ProductByHandleAsync(this MercatoApp app, string handle)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        var id = await db.Set<Catalog.Products.Product>().Where(p => p.Handle == handle).Select(p => p.Id).SingleOrDefaultAsync();
        return id is null ? null : await app.Admin.GetJsonAsync($"/admin/products/{id}");
    }

    public static async Task<string[]> EventsOfAsync(this MercatoApp app, string resourceId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoDb>();
        return [.. await db.Set<OutboxEvent>().Where(e => e.ResourceId == resourceId).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync()];
    }

    public static async Task<int> ProductCountAsync(this MercatoApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<MercatoDb>().Set<Catalog.Products.Product>().CountAsync();
    }
}
