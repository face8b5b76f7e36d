using System.Net.Http.Headers;

namespace Mercato.Api.Tests.Infrastructure;

public static class HttpExtensions
{
    /// <summary>POSTs JSON and returns the body, failing the test with the problem body unless the answer is 2xx.</summary>
    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return await response.ShouldSucceedAsync();
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ShouldSucceedAsync();
    }

    public static async Task<JsonNode> PatchJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PatchAsJsonAsync(url, body);
        return await response.ShouldSucceedAsync();
    }

    public static Task<HttpResponseMessage> PatchAsJsonAsync(this HttpClient client, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
        return client.SendAsync(request);
    }

    public static async Task<JsonNode> ShouldSucceedAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status and stable code, and returns it for further checks.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        Assert.Equal(status, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["type"]?.GetValue<string>()));
        return problem;
    }

    public static string Str(this JsonNode? node, string property) => node![property]!.GetValue<string>();

    public static int Int(this JsonNode? node, string property) => node![property]!.GetValue<int>();

    public static long Long(this JsonNode? node, string property) => node![property]!.GetValue<long>();

    public static JsonArray Arr(this JsonNode? node, string property) => node![property]!.AsArray();
}
