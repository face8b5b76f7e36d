using System.Text.Json;
using Mercato.Kernel.Errors;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Payments;

/// <summary>What the payment tests share: calling IPayments in a scope and asserting on its results.</summary>
public static class PaymentTestData
{
    private static readonly Dictionary<string, string> NoClientData = [];

    public static JsonElement Data(string json) => JsonDocument.Parse(json).RootElement;

    public static string NewCart() => "cart_" + Guid.NewGuid().ToString("N")[..20];

    public static async Task<T> WithPaymentsAsync<T>(this MercatoApp app, Func<IPayments, Task<T>> action)
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<IPayments>());
    }

    /// <summary>Views are records, but ClientData is a dictionary: compare it by content.</summary>
    public static void AssertSame(PaymentView expected, PaymentView actual)
    {
        Assert.Equal(expected with { ClientData = NoClientData }, actual with { ClientData = NoClientData });
        Assert.Equal(expected.ClientData, actual.ClientData);
    }

    public static PaymentView Ok(Result<PaymentView> result)
    {
        Assert.True(result.Error is null, $"Unexpected error {result.Error?.Code}: {result.Error?.Detail}");
        return result.Value!;
    }

    public static void Fails(Result<PaymentView> result, int status, string code)
    {
        Assert.NotNull(result.Error);
        Assert.Equal((status, code), (result.Error.Status, result.Error.Code));
    }
}
