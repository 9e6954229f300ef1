using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Radius;
using Hotspot.Reconnect;
using Hotspot.Tests.Infrastructure;
using static Hotspot.Tests.Radius.RadiusRig;

namespace Hotspot.Tests.Radius;

/// <summary>
/// Seed 000's endpoint on a RADIUS router: nothing can log a device in from the cloud, so the answer keeps the seed's
/// shape with <c>auto_conexion: no_conectado</c> and a device login in <c>datos_sesion</c>, good only from
/// <c>current_mac</c>, that the portal submits through the router's login form (here: radclient, as the router sends it).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusReconnectTests(AzuriteFixture azurite)
{
    private static readonly string[] SeedFields =
        ["success", "estado", "auto_conexion", "datos_sesion", "nueva_mac", "tiempo_acumulado", "tiempo_restante", "primera_sesion", "mensaje", "error_detalle", "timestamp"];

    [Fact]
    public async Task The_answer_is_the_seeds_shape_with_a_device_login_that_works_only_from_the_current_mac()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);
        var key = await PortalKeyAsync(rig);

        var (status, text) = await ReconnectAsync(rig, key, order.Usuario, password, "6a-3f-09-d2-11-8c");

        Assert.Equal(HttpStatusCode.OK, status);
        var body = RadiusRig.Json(text);
        Assert.Equal(SeedFields, body.EnumerateObject().Select(p => p.Name));
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("activo", body.GetProperty("estado").GetString());
        Assert.Equal("no_conectado", body.GetProperty("auto_conexion").GetString());
        Assert.Equal(PhoneAgain, body.GetProperty("nueva_mac").GetString());
        Assert.Equal("00:00:00", body.GetProperty("tiempo_acumulado").GetString());
        Assert.Equal("01:00:00", body.GetProperty("tiempo_restante").GetString());
        Assert.Equal(RadiusPolicy.LoginOnRouter, body.GetProperty("mensaje").GetString());
        var datos = body.GetProperty("datos_sesion");
        var login = datos.GetProperty("name").GetString()!;
        var loginPassword = datos.GetProperty("password").GetString()!;
        Assert.Equal(order.Usuario + "_RANDMAC1", login);
        Assert.Equal(PhoneAgain, datos.GetProperty("mac-address").GetString());
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);

        var elsewhere = await rig.LoginAsync(login, loginPassword, mac: Phone);
        Assert.Equal("Access-Reject", elsewhere?.Code);
        var here = await rig.LoginAsync(login, loginPassword, chap: true, mac: PhoneAgain);
        Assert.Equal("Access-Accept", here?.Code);
        Assert.Equal("300", here!.Attributes["Session-Timeout"]);
    }

    [Fact]
    public async Task A_mac_alone_a_wrong_password_an_unknown_user_or_a_refund_get_no_device_login()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);
        var key = await PortalKeyAsync(rig);

        foreach (var (usuario, given, mensaje) in new[] { (order.Usuario, "", Messages.InvalidCredentials), (order.Usuario, password + "x", Messages.InvalidCredentials), ("nadie00000", password, Messages.UserNotFound) })
        {
            var refused = RadiusRig.Json((await ReconnectAsync(rig, key, usuario, given, PhoneAgain)).Text);
            Assert.Equal(("expirado", "no_conectado", mensaje), (refused.GetProperty("estado").GetString(), refused.GetProperty("auto_conexion").GetString(), refused.GetProperty("mensaje").GetString()));
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("datos_sesion").ValueKind);
        }

        await rig.Provisioner.RevokeAsync(order, default);
        var refunded = RadiusRig.Json((await ReconnectAsync(rig, key, order.Usuario, password, PhoneAgain)).Text);
        Assert.Equal((false, "expirado", RadiusPolicy.Revoked), (refunded.GetProperty("success").GetBoolean(), refunded.GetProperty("estado").GetString(), refunded.GetProperty("mensaje").GetString()));
    }

    [Fact]
    public async Task A_new_mac_takes_the_time_over_with_its_device_login_and_the_previous_device_is_refused_at_its_next_request()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order();
        var password = await rig.BuyAsync(order);
        var key = await PortalKeyAsync(rig);
        var first = await DeviceLoginAsync(rig, key, order.Usuario, password, Phone);
        Assert.Equal("Access-Accept", (await rig.LoginAsync(first.Name, first.Password, mac: Phone))?.Code);
        await rig.AccountAsync(first.Name, "Start", "81a00200", mac: Phone);

        var second = await DeviceLoginAsync(rig, key, order.Usuario, password, PhoneAgain);
        Assert.Equal("Access-Accept", (await rig.LoginAsync(second.Name, second.Password, mac: PhoneAgain))?.Code);
        await rig.AccountAsync(second.Name, "Start", "81a00201", mac: PhoneAgain);

        // The first device's mac-cookie replays its own device login when its session ends: it no longer holds the time.
        var back = await rig.LoginAsync(first.Name, first.Password, mac: Phone);
        Assert.Equal("Access-Reject", back?.Code);
        Assert.Equal(RadiusPolicy.OtherDevice, back!.Attributes["Reply-Message"]);
        Assert.Equal("Access-Reject", (await rig.LoginAsync(order.Usuario, password, mac: Phone))?.Code);
    }

    [Fact]
    public async Task A_takeover_gets_only_what_the_previous_devices_grant_leaves()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var order = rig.Order(tiempoSegundos: 400);
        var password = await rig.BuyAsync(order);
        var key = await PortalKeyAsync(rig);
        Assert.Equal("300", (await rig.LoginAsync(order.Usuario, password, mac: Phone))?.Attributes["Session-Timeout"]);
        await rig.AccountAsync(order.Usuario, "Start", "81a00210", mac: Phone);

        var second = await DeviceLoginAsync(rig, key, order.Usuario, password, PhoneAgain);
        var takeover = await rig.LoginAsync(second.Name, second.Password, mac: PhoneAgain);

        // 400 s bought; the first phone may still use its 300 s grant (and an interim interval not yet reported): 40 s remain.
        Assert.Equal("Access-Accept", takeover?.Code);
        Assert.InRange(int.Parse(takeover!.Attributes["Session-Timeout"], System.Globalization.CultureInfo.InvariantCulture), 30, 40);
    }

    internal static async Task<string> PortalKeyAsync(RadiusRig rig) =>
        (await Unifi.AdminSession.PostAsync(rig.Host, $"/api/v1/admin/routers/{rig.RouterId}/api-keys", new { alcance = "portal" })).GetProperty("api_key").GetString()!;

    internal static async Task<(string Name, string Password)> DeviceLoginAsync(RadiusRig rig, string key, string usuario, string password, string mac)
    {
        var datos = RadiusRig.Json((await ReconnectAsync(rig, key, usuario, password, mac)).Text).GetProperty("datos_sesion");
        return (datos.GetProperty("name").GetString()!, datos.GetProperty("password").GetString()!);
    }

    private static async Task<(HttpStatusCode Status, string Text)> ReconnectAsync(RadiusRig rig, string key, string usuario, string password, string mac)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/hotspot/auto-reconnect")
        {
            Content = JsonContent.Create(new { username = usuario, password, stored_mac = Phone, current_mac = mac, current_ip = "10.5.50.7" }),
        };
        request.Headers.Add("X-API-Key", key);
        using var response = await rig.Host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
