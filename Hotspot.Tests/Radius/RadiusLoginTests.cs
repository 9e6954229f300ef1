using Hotspot.Radius;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Radius;

/// <summary>Guests of a RADIUS router logging in through real FreeRADIUS (radclient over UDP) to the DevHost.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusLoginTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_purchase_logs_in_with_pap_at_once_with_its_time_rate_limit_and_a_signed_reply()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order(tiempoSegundos: 3600, subidaKbps: 1000, bajadaKbps: 4000);
        var password = await rig.BuyAsync(order);

        var reply = await rig.LoginAsync(order.Usuario, password);

        Assert.NotNull(reply);
        Assert.Equal("Access-Accept", reply.Code);
        Assert.Equal("300", reply.Attributes["Session-Timeout"]);
        Assert.Equal("300", reply.Attributes["Idle-Timeout"]);
        Assert.Equal("60", reply.Attributes["Acct-Interim-Interval"]);
        Assert.Equal("1000k/4000k", reply.Attributes["Mikrotik-Rate-Limit"]);
        Assert.Matches("^0x[0-9a-f]{32}$", reply.Attributes["Message-Authenticator"]);
        Assert.DoesNotContain(password, rig.Radius.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chap_is_checked_by_freeradius_against_the_password_our_route_returns()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);

        var accepted = await rig.LoginAsync(order.Usuario, password, chap: true);
        var refused = await rig.LoginAsync(order.Usuario, password + "x", chap: true);

        Assert.Equal("Access-Accept", accepted?.Code);
        Assert.Equal("Access-Reject", refused?.Code);
        Assert.Matches("^0x[0-9a-f]{32}$", refused!.Attributes["Message-Authenticator"]);
        Assert.False(refused.Attributes.ContainsKey("Session-Timeout"));
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_user_and_a_forged_identity_are_rejected()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);
        var forged = rig.NasIdentifier[..(rig.NasIdentifier.IndexOf('-', StringComparison.Ordinal) + 1)] + new string('a', RadiusIdentity.TokenLength);

        Assert.Equal("Access-Reject", (await rig.LoginAsync(order.Usuario, "wrong-one"))?.Code);
        var unknown = await rig.LoginAsync("nobody0000", password);
        Assert.Equal("Access-Reject", unknown?.Code);
        Assert.Equal(RadiusPolicy.Unknown, unknown!.Attributes["Reply-Message"]);
        Assert.Equal("Access-Reject", (await rig.LoginAsync(order.Usuario, password, nasIdentifier: forged))?.Code);
    }

    [Fact]
    public async Task A_short_purchase_gets_its_time_left_and_nothing_left_is_rejected_with_a_reason()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order(tiempoSegundos: 240);
        var password = await rig.BuyAsync(order);

        Assert.Equal("240", (await rig.LoginAsync(order.Usuario, password))?.Attributes["Session-Timeout"]);
        Assert.Equal("Accounting-Response", (await rig.AccountAsync(order.Usuario, "Stop", "81a00001", seconds: 220))?.Code);

        var spent = await rig.LoginAsync(order.Usuario, password);
        Assert.Equal("Access-Reject", spent?.Code);
        Assert.Equal(RadiusPolicy.NothingLeft, spent!.Attributes["Reply-Message"]);
    }

    [Fact]
    public async Task A_refund_rejects_the_next_access_request()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);
        Assert.Equal("Access-Accept", (await rig.LoginAsync(order.Usuario, password))?.Code);

        await rig.Provisioner.RevokeAsync(order, default);

        var refused = await rig.LoginAsync(order.Usuario, password);
        Assert.Equal("Access-Reject", refused?.Code);
        Assert.Equal(RadiusPolicy.Revoked, refused!.Attributes["Reply-Message"]);
    }

    [Fact]
    public async Task A_wrong_shared_secret_gets_no_answer_and_writes_nothing()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);

        Assert.Null(await rig.LoginAsync(order.Usuario, password, secret: "not-the-secret"));
        Assert.Null(await rig.AccountAsync(order.Usuario, "Stop", "81a00002", seconds: 3000, secret: "not-the-secret"));

        Assert.Equal((0, 0), await rig.Store.UsageAsync(rig.RouterId, order.Usuario, default));
        Assert.Equal("Access-Accept", (await rig.LoginAsync(order.Usuario, password))?.Code);
    }

    [Fact]
    public async Task A_regenerated_identity_replaces_the_old_one_at_once()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);

        var regenerated = await Unifi.AdminSession.PostAsync(rig.Host, $"/api/v1/admin/routers/{rig.RouterId}/radius/regenerate", new { });
        var renewed = regenerated.GetProperty("radius").GetProperty("nas_identifier").GetString();

        Assert.Equal("Access-Reject", (await rig.LoginAsync(order.Usuario, password))?.Code);
        Assert.Equal("Access-Accept", (await rig.LoginAsync(order.Usuario, password, nasIdentifier: renewed))?.Code);
    }

    [Fact]
    public async Task A_data_cap_is_sent_as_bytes_left_with_the_products_profile_and_spent_data_is_rejected()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order(limiteMb: 1) with { PerfilMikrotikNombre = "plan-1h" };
        var password = await rig.BuyAsync(order);

        var accepted = await rig.LoginAsync(order.Usuario, password);
        Assert.Equal("1048576", accepted?.Attributes["Mikrotik-Total-Limit"]);
        Assert.Equal("0", accepted!.Attributes["Mikrotik-Total-Limit-Gigawords"]);
        Assert.Equal("plan-1h", accepted.Attributes["Mikrotik-Group"]);

        await rig.AccountAsync(order.Usuario, "Interim-Update", "81a00020", seconds: 60, input: 48576, output: 1000000);
        var spent = await rig.LoginAsync(order.Usuario, password);
        Assert.Equal("Access-Reject", spent?.Code);
        Assert.Equal(RadiusPolicy.DataSpent, spent!.Attributes["Reply-Message"]);
    }

    [Fact]
    public async Task A_radius_router_sells_products_without_being_asked_for_its_profiles()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);

        var producto = await Unifi.AdminSession.PostAsync(rig.Host, $"/api/v1/admin/routers/{rig.RouterId}/productos", new
        {
            nombre_venta = "1 hora", precio = 15.00m, moneda = "MXN", tiempo_segundos = 3600, perfil_mikrotik_nombre = "plan-1h",
        });

        Assert.Equal("plan-1h", producto.GetProperty("perfil_mikrotik_nombre").GetString());
    }
}
