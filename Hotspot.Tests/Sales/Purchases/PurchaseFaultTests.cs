using Hotspot.Sales.Purchases;
using Hotspot.Sales.Purchases.Engine;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>
/// The purchase invariants under fault schedules: duplicated, reordered and dropped webhooks, a router down during
/// provisioning, a crash at every step of the engine. At most one router user per purchase, none without an approved
/// payment, every approved purchase provisioned once the timer has run.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PurchaseFaultTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Duplicated_and_reordered_webhooks_make_one_user_and_never_move_a_purchase_back()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compras = new[] { await world.BuyAsync(), await world.BuyAsync("stripe", mac: "AA:BB:CC:DD:EE:02") };
        await world.ControlAsync("/faults", new { target = "webhook", mode = "duplicate", count = 6 });

        foreach (var compra in compras)
        {
            await world.PayAsync(compra, "approve");
            await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        }

        // A late 'payment.created' after 'payment.updated', re-sent twice more: the purchase stays where it is.
        await world.ControlAsync("/faults", new { target = "webhook", mode = "reorder", count = 2 });
        await world.ControlAsync("/faults", new { target = "webhook", mode = "duplicate", count = 2 });
        await world.ControlAsync("/clock/advance", new { seconds = 1 });
        await world.RunTimerAsync();
        var polled = await Task.WhenAll(compras.Select(world.PollAsync));

        Assert.All(compras, c => Assert.Single(world.UsersOf(c.Id)));
        Assert.Equal(2, world.UserAdds());
        Assert.All(polled, p => Assert.Equal("provisionada", p.GetProperty("estado").GetString()));
    }

    [Fact]
    public async Task A_dropped_webhook_is_made_up_for_by_the_timer_which_pulls_the_provider()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync("stripe");
        await world.ControlAsync("/faults", new { target = "webhook", mode = "drop", count = 5 });

        await world.PayAsync(compra, "approve");
        var untold = world.Probe.HasReached(compra.Id, CompraEstados.Aprobada);
        await world.RunTimerAsync(SalesWorldTimes.PastFirstPull);

        Assert.False(untold);
        Assert.True(world.Probe.HasReached(compra.Id, CompraEstados.Provisionada));
        Assert.Single(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task A_router_down_during_provisioning_is_retried_by_the_timer_and_the_purchase_is_provisioned_once_it_is_back()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();
        world.RouterDown();

        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Aprobada);
        var waiting = await world.PollAsync(compra);
        await world.RunTimerAsync();
        var stillDown = await world.PollAsync(compra);
        world.RouterUp();
        await world.RunTimerAsync();
        var after = await world.PollAsync(compra);

        Assert.Equal(("aprobada", "Pago recibido, activando tu acceso…"), (waiting.GetProperty("estado").GetString(), waiting.GetProperty("mensaje").GetString()));
        Assert.Equal("aprobada", stillDown.GetProperty("estado").GetString());
        Assert.Equal("provisionada", after.GetProperty("estado").GetString());
        Assert.Single(world.UsersOf(compra.Id));
    }

    [Fact]
    public async Task A_router_that_stays_down_leaves_the_purchase_for_an_operator_and_it_is_still_provisioned_when_the_router_returns()
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var compra = await world.BuyAsync();
        world.RouterDown();
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Aprobada);

        for (var run = 0; run < PurchaseFulfilment.Backoff.Count && !world.Probe.HasReached(compra.Id, CompraEstados.RequiereAtencion); run++)
        {
            await world.RunTimerAsync(TimeSpan.FromHours(1));
        }

        var flagged = await world.PollAsync(compra);
        world.RouterUp();
        await world.RunTimerAsync(TimeSpan.FromHours(1));

        Assert.Equal("requiere_atencion", flagged.GetProperty("estado").GetString());
        Assert.Equal(JsonValueKindNull, flagged.GetProperty("usuario_hotspot").ValueKind);
        Assert.True(world.Probe.HasReached(compra.Id, CompraEstados.Provisionada));
        Assert.Single(world.UsersOf(compra.Id));
    }

    /// <summary>
    /// A crash at each step of the engine (between two of its effects), then a rerun by the next signal or the timer,
    /// ends like a clean run: provisioned, one user, credentials that are the router's.
    /// </summary>
    [Theory]
    [InlineData(PurchaseStep.PurchaseWritten)]
    [InlineData(PurchaseStep.CheckoutCreated)]
    [InlineData(PurchaseStep.TruthRead)]
    [InlineData(PurchaseStep.Transitioned)]
    [InlineData(PurchaseStep.Provisioned)]
    public async Task A_crash_at_any_step_then_a_rerun_ends_as_a_clean_run(PurchaseStep step)
    {
        await using var world = await SalesWorld.StartAsync(azurite);
        var order = world.WithProduct(SalesWorld.Order());
        var key = Guid.NewGuid().ToString();
        world.Probe.CrashAt(step);

        using (var first = await world.PostCompraAsync(order, key))
        {
            // A crash while creating answers 500; the portal repeats the request with the same key.
        }

        using var created = await world.PostCompraAsync(order, key);
        var compra = Compra.From(System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.Clone());
        await world.PayAsync(compra, "approve");
        await world.Probe.CrashedAsync(step);
        await world.RunTimerAsync(SalesWorldTimes.PastFirstPull);
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);
        var after = await world.PollAsync(compra);

        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("provisionada", after.GetProperty("estado").GetString());
        var user = Assert.Single(world.UsersOf(compra.Id));
        Assert.Equal(after.GetProperty("usuario_hotspot").GetProperty("usuario").GetString(), user["name"]);
        Assert.Equal(after.GetProperty("usuario_hotspot").GetProperty("contrasena").GetString(), user["password"]);
    }

    [Fact]
    public async Task A_late_approval_of_an_expired_purchase_still_provisions()
    {
        // The provider's clock is not moved: its checkout still takes the payment; ours must accept its webhook's timestamp.
        await using var world = await SalesWorld.StartAsync(azurite, settings: new() { ["Hotspot:Payments:WebhookTolerance"] = "03:00:00" });
        var compra = await world.BuyAsync();

        await world.RunTimerAsync(TimeSpan.FromMinutes(60) + PurchaseReconciler.ExpiryGrace + TimeSpan.FromMinutes(1));
        var expired = await world.PollAsync(compra);
        await world.PayAsync(compra, "approve");
        await world.Probe.ReachedAsync(compra.Id, CompraEstados.Provisionada);

        Assert.Equal("expirada", expired.GetProperty("estado").GetString());
        Assert.Single(world.UsersOf(compra.Id));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

internal static class SalesWorldTimes
{
    /// <summary>Past the first pull of an unpaid purchase (lost webhooks) and past any lease.</summary>
    public static readonly TimeSpan PastFirstPull = PurchaseCheckout.FirstPull + TimeSpan.FromMinutes(1);
}
