using System.Net;
using System.Net.Http.Json;
using Hotspot.Radius;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Radius;

/// <summary>
/// Seed 002 vouchers on a RADIUS router: created through the action API with the seed's contract, kept in our tables
/// only (the rig has no router API anywhere: 0 router round trips), and logged in through real FreeRADIUS.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RadiusVoucherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_voucher_made_with_create_voucher_logs_in_with_chap_gets_its_limits_and_is_refused_once_its_data_is_spent()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var key = await IntegrationKeyAsync(rig);

        using var created = await rig.Host.Client.PostAsJsonAsync(new Uri("/api/", UriKind.Relative), new Dictionary<string, object>
        {
            ["api-key"] = key, ["action"] = "create_voucher", ["username"] = "ficha7731", ["passcode"] = "4821", ["fullname"] = "Mesa 4",
            ["valid_for"] = "1 hour", ["download_limit"] = 1, ["upload_limit"] = 1,
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var wrong = await rig.LoginAsync("ficha7731", "4822", chap: true);
        var right = await rig.LoginAsync("ficha7731", "4821", chap: true);

        Assert.Equal("Access-Reject", wrong?.Code);
        Assert.Equal(RadiusPolicy.Unknown, wrong!.Attributes["Reply-Message"]);
        Assert.Equal("Access-Accept", right?.Code);
        Assert.Equal("300", right!.Attributes["Session-Timeout"]);
        Assert.Equal("1048576", right.Attributes["Mikrotik-Xmit-Limit"]);
        Assert.Equal("1048576", right.Attributes["Mikrotik-Recv-Limit"]);

        await rig.AccountAsync("ficha7731", "Interim-Update", "81a00300", seconds: 60, input: 1000, output: 1048576);
        var spent = await rig.LoginAsync("ficha7731", "4821");
        Assert.Equal("Access-Reject", spent?.Code);
        Assert.Equal(RadiusVouchers.Spent, spent!.Attributes["Reply-Message"]);
    }

    [Fact]
    public async Task A_voucher_not_yet_valid_is_refused_with_a_reason_and_removing_it_refuses_it_at_once()
    {
        await using var rig = await RadiusRig.StartAsync(azurite);
        var key = await IntegrationKeyAsync(rig);
        foreach (var (username, validFrom) in new[] { ("manana01", "2099-01-17 10:00:00"), ("hoy00001", (string?)null) })
        {
            var body = new Dictionary<string, object> { ["api-key"] = key, ["action"] = "create_voucher", ["username"] = username, ["passcode"] = "pw" + username, ["valid_for"] = "1 day" };
            if (validFrom is not null)
            {
                body["valid_from"] = validFrom;
            }

            using var created = await rig.Host.Client.PostAsJsonAsync(new Uri("/api/", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        var early = await rig.LoginAsync("manana01", "pwmanana01");
        Assert.Equal("Access-Reject", early?.Code);
        Assert.Equal(RadiusVouchers.NotYetValid, early!.Attributes["Reply-Message"]);
        Assert.Equal("Access-Accept", (await rig.LoginAsync("hoy00001", "pwhoy00001"))?.Code);

        using var removed = await rig.Host.Client.GetAsync(new Uri($"/api/?api-key={key}&action=remove_voucher&username=hoy00001", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("Access-Reject", (await rig.LoginAsync("hoy00001", "pwhoy00001"))?.Code);
    }

    private static async Task<string> IntegrationKeyAsync(RadiusRig rig)
    {
        using var enabled = await rig.Host.Client.PatchAsJsonAsync(new Uri($"/api/v1/admin/routers/{rig.RouterId}", UriKind.Relative),
            new { api_acciones = new { habilitada = true, post = true, get = true } });
        Assert.True(enabled.IsSuccessStatusCode, await enabled.Content.ReadAsStringAsync());
        return (await Unifi.AdminSession.PostAsync(rig.Host, $"/api/v1/admin/routers/{rig.RouterId}/api-keys", new { alcance = "integracion" })).GetProperty("api_key").GetString()!;
    }
}
