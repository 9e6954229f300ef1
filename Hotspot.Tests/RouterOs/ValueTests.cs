using Hotspot.RouterOs;

namespace Hotspot.Tests.RouterOs;

public sealed class ValueTests
{
    [Theory]
    [InlineData("1w2d3h4m5s", 9 * 86400 + 3 * 3600 + 4 * 60 + 5, 0)]
    [InlineData("01:22:53", 3600 + 22 * 60 + 53, 0)]
    [InlineData("2d01:00:00", 2 * 86400 + 3600, 0)]
    [InlineData("0s", 0, 0)]
    [InlineData("500ms", 0, 500)]
    [InlineData("1h30m5s", 5405, 0)]
    public void Durations_parse_in_every_form_routers_print(string text, int seconds, int milliseconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds) + TimeSpan.FromMilliseconds(milliseconds), RouterOsDuration.Parse(text));

    [Theory]
    [InlineData("1h1x")]
    [InlineData("abc")]
    [InlineData("1:2")]
    public void Malformed_durations_are_rejected(string text) => Assert.False(RouterOsDuration.TryParse(text, out _));

    [Fact]
    public void Durations_format_back_to_router_syntax() =>
        Assert.Equal("1w2d3h4m5s", RouterOsDuration.Format(new TimeSpan(9, 3, 4, 5)));

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    public void Booleans_accept_both_spellings(string text, bool expected) => Assert.Equal(expected, RouterOsBool.Parse(text));

    [Fact]
    public void Ids_are_star_and_uppercase_hex()
    {
        Assert.Equal("*1A", RouterOsId.Format(26));
        Assert.True(RouterOsId.TryParse("*1A", out var n));
        Assert.Equal(26, n);
        Assert.False(RouterOsId.TryParse("1A", out _));
    }

    [Theory]
    [InlineData("6.49.10 (long-term)", 6, 49, 10, "long-term")]
    [InlineData("7.14.3 (stable)", 7, 14, 3, "stable")]
    [InlineData("7.1beta4 (development)", 7, 1, 0, "development")]
    public void Versions_parse_into_parts(string text, int major, int minor, int patch, string channel)
    {
        var version = RouterOsVersion.Parse(text);

        Assert.Equal((major, minor, patch, channel), (version.Major, version.Minor, version.Patch, version.Channel));
    }

    [Theory]
    [InlineData("already have user with this name for this server", RouterOsErrorKind.DuplicateItem)]
    [InlineData("no such item (4)", RouterOsErrorKind.NoSuchItem)]
    [InlineData("Invalid User Name Or Password (6)", RouterOsErrorKind.InvalidCredentials)]
    [InlineData("not enough permissions (9)", RouterOsErrorKind.NotEnoughPermissions)]
    [InlineData("input does not match any value of profile", RouterOsErrorKind.UnknownProfile)]
    [InlineData("something else", RouterOsErrorKind.Other)]
    public void Traps_are_classified_by_message(string message, RouterOsErrorKind kind) =>
        Assert.Equal(kind, new RouterOsTrap(null, message).Kind);
}
