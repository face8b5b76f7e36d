using System.Net;
using Mercato.Checkout;
using Mercato.Payments.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Api.Tests.Store.Checkout;

/// <summary>
/// A server killed between authorizing a payment and writing the order is simulated by doing the steps up to the crash
/// through the modules' contracts, then running recovery as the restarted server would.
/// </summary>
public abstract class CheckoutRecoveryTests(MercatoApp app)
{
    private async Task<(string CartId, string PaymentId)> AuthorizedWithoutOrderAsync(StockedVariant v)
    {
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var paymentId = (await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync()).Str("id");
        await using var scope = app.Scope();
        var authorized = await scope.ServiceProvider.GetRequiredService<IPayments>().AuthorizeAsync(paymentId, CancellationToken.None);
        Assert.Null(authorized.Error);
        return (cartId, paymentId);
    }

    private async Task<CheckoutRecovery.Outcome> RecoverAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<CheckoutRecovery>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<PaymentView> PaymentAsync(string paymentId)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<IPayments>().FindAsync(paymentId, CancellationToken.None))!;
    }

    [Fact]
    public async Task An_authorized_payment_left_without_an_order_is_completed_while_its_stock_is_still_held()
    {
        var v = await app.StockedVariantAsync(onHand: 2);
        var (cartId, paymentId) = await AuthorizedWithoutOrderAsync(v);
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        var outcome = await RecoverAsync();

        Assert.True(outcome.Completed >= 1);
        var cart = await app.Store.GetJsonAsync($"/store/carts/{cartId}");
        Assert.NotNull(cart["orderId"]);
        Assert.Equal(cart.Str("orderId"), (await PaymentAsync(paymentId)).OrderId);
        Assert.Equal(1, (await app.LevelAsync(v)).Int("reserved"));
    }

    [Fact]
    public async Task An_authorized_payment_whose_stock_was_sold_meanwhile_is_voided_and_nothing_stays_reserved_for_it()
    {
        var v = await app.StockedVariantAsync(onHand: 1);
        var (cartId, paymentId) = await AuthorizedWithoutOrderAsync(v);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var other = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        await (await app.Store.CheckoutAsync(other)).ShouldSucceedAsync();

        var outcome = await RecoverAsync();

        Assert.True(outcome.Voided >= 1);
        Assert.Equal(PaymentStatus.Canceled, (await PaymentAsync(paymentId)).Status);
        Assert.Null((await app.Store.GetJsonAsync($"/store/carts/{cartId}"))["orderId"]);
        var level = await app.LevelAsync(v);
        Assert.Equal(1, level.Int("reserved"));
        Assert.Equal(0, level.Int("available"));
    }

    [Fact]
    public async Task A_hold_without_an_order_is_released_once_it_expires()
    {
        var v = await app.StockedVariantAsync(onHand: 2);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 2));
        await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync();
        Assert.Equal(0, (await app.LevelAsync(v)).Int("available"));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await RecoverAsync();

        var level = await app.LevelAsync(v);
        Assert.Equal(0, level.Int("reserved"));
        Assert.Equal(2, level.Int("available"));
    }

    [Fact]
    public async Task The_providers_webhook_and_the_storefront_converge_on_one_order()
    {
        var v = await app.StockedVariantAsync(onHand: 2);
        var cartId = await app.ReadyCartAsync(app.Store, (v.VariantId, 1));
        var paymentId = (await (await app.Store.PayAsync(cartId)).ShouldSucceedAsync()).Str("id");
        await using (var scope = app.Scope())
        {
            var payment = (await scope.ServiceProvider.GetRequiredService<IPayments>().AuthorizeAsync(paymentId, CancellationToken.None)).Value!;
            foreach (var listener in scope.ServiceProvider.GetServices<IPaymentAuthorizedListener>())
                await listener.OnAuthorizedAsync(payment, CancellationToken.None);
        }
        var orderId = (await app.Store.GetJsonAsync($"/store/carts/{cartId}")).Str("orderId");

        var completed = await app.Store.CompleteAsync(cartId);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(orderId, (await completed.ShouldSucceedAsync())["order"].Str("id"));
        Assert.Equal(1, (await app.LevelAsync(v)).Int("reserved"));
    }
}

public sealed class CheckoutRecoveryOnSqlite(SqliteApp app) : CheckoutRecoveryTests(app), IClassFixture<SqliteApp>;

public sealed class CheckoutRecoveryOnPostgres(PostgresApp app) : CheckoutRecoveryTests(app), IClassFixture<PostgresApp>;
