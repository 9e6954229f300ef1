using Hotspot.Drivers;
using Hotspot.Reconnect;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Reconnect;

public sealed class ReconnectValuesTests
{
    [Theory]
    [InlineData("11:22:33:44:55:66", "11:22:33:44:55:66")]
    [InlineData("aa-bb-cc-dd-ee-ff", "AA:BB:CC:DD:EE:FF")]
    [InlineData("aabbccddeeff", "AA:BB:CC:DD:EE:FF")]
    [InlineData("AA%3ABB%3ACC%3ADD%3AEE%3AFF", "AA:BB:CC:DD:EE:FF")]
    public void Current_mac_is_decoded_and_normalised(string given, string expected)
    {
        var (input, error) = ReconnectInput.From(new AutoReconnectRequest("AB3C9D", "4821", null, given, null, null));
        Assert.Null(error);
        Assert.Equal(expected, input!.CurrentMac.ToUpperString());
    }

    [Theory]
    [InlineData(null, "11:22:33:44:55:66", null, "username")]
    [InlineData("AB3C9D", null, null, "current_mac")]
    [InlineData("AB3C9D", "11:22:33:44:55", null, "current_mac")]
    [InlineData("AB3C9D", "11:22:33:44:55:6G", null, "current_mac")]
    [InlineData("AB3C9D", "11:22:33:44:55:66\"; /system reboot", null, "current_mac")]
    [InlineData("AB3C9D", "11:22:33:44:55:66", "192.168.88.300", "current_ip")]
    [InlineData("AB3C9D", "11:22:33:44:55:66", "10.0.0.1; rm", "current_ip")]
    [InlineData("AB\nC", "11:22:33:44:55:66", null, "username")]
    public async Task Bad_fields_are_named(string? username, string? mac, string? ip, string field)
    {
        var (input, error) = ReconnectInput.From(new AutoReconnectRequest(username, "", null, mac, ip, null));
        Assert.Null(input);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = Services() };
        context.Response.Body = new MemoryStream();
        await error!.ExecuteAsync(context);
        Assert.Equal(422, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = System.Text.Json.JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public void Url_encoded_username_is_decoded()
    {
        var (input, _) = ReconnectInput.From(new AutoReconnectRequest("AB3C9D%5FRANDMAC2", "", null, "11:22:33:44:55:66", "192.168.88.175", null));
        Assert.Equal("AB3C9D_RANDMAC2", input!.Username);
        Assert.Equal("192.168.88.175", input.CurrentIp!.ToString());
    }

    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(1814, "00:30:14")]
    [InlineData(1786, "00:29:46")]
    [InlineData(360_000 + 245, "100:04:05")]
    [InlineData(-5, "00:00:00")]
    public void Times_are_hh_mm_ss_with_unbounded_hours(int seconds, string expected) =>
        Assert.Equal(expected, UptimeText.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Markers_round_trip_and_keep_other_words()
    {
        var markers = RandmacMarkers.Parse("MODE=RANDMAC TL=3600 TA=1800");
        Assert.Equal(new RandmacMarkers(3600, 1800, null, ""), markers);
        Assert.Equal("MODE=RANDMAC TL=3600 TA=1800", markers!.ToComment());

        var withMore = RandmacMarkers.Parse("venta 42 TA=10 MODE=RANDMAC TL=60 LS=1719853200");
        Assert.Equal(new RandmacMarkers(60, 10, DateTimeOffset.FromUnixTimeSeconds(1719853200), "venta 42"), withMore);
        Assert.Equal("MODE=RANDMAC TL=60 TA=10 LS=1719853200 venta 42", withMore!.ToComment());

        Assert.Null(RandmacMarkers.Parse("cliente VIP"));
        Assert.Null(RandmacMarkers.Parse(null));
        Assert.False(RandmacMarkers.Parse("MODE=RANDMAC")!.IsLimited);
    }

    [Theory]
    [InlineData("AB3C9D_RANDMAC2", "AB3C9D", 2)]
    [InlineData("AB3C9D_RANDMAC15", "AB3C9D", 15)]
    [InlineData("a_b_RANDMAC1", "a_b", 1)]
    public void Clone_names_parse(string name, string baseName, int slot)
    {
        Assert.True(RandmacNames.TryParseClone(name, out var b, out var n));
        Assert.Equal((baseName, slot), (b, n));
        Assert.Equal(name, RandmacNames.CloneName(baseName, slot));
    }

    [Theory]
    [InlineData("AB3C9D")]
    [InlineData("AB3C9D_RANDMAC")]
    [InlineData("AB3C9D_RANDMACx")]
    [InlineData("_RANDMAC1")]
    [InlineData("AB3C9D_RANDMAC0")]
    public void Other_names_are_their_own_base(string name) => Assert.Equal(name, RandmacNames.BaseOf(name));

    [Fact]
    public void Timestamp_is_written_as_the_seed_does() =>
        Assert.Equal("2024-07-01T17:00:00.123456", AutoReconnectResponse.FormatTimestamp(new DateTimeOffset(2024, 7, 1, 17, 0, 0, TimeSpan.Zero).AddTicks(1_234_560)));

    private static ServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
}
