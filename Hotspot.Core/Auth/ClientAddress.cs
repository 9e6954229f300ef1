using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.Auth;

/// <summary>How the client's address reaches the app: directly, or through proxies that append to X-Forwarded-For.</summary>
public sealed class ClientAddressOptions
{
    /// <summary>
    /// Azure Functions: the App Service front end appends the address it was called from, then the Functions host's
    /// proxy (YARP) appends the address it was called from, the front end's.
    /// </summary>
    public const int AzureFunctionsHops = 2;

    public const int MaxHops = 10;

    /// <summary>
    /// Trusted proxies in front of the app, each appending its caller to X-Forwarded-For. The client is the entry that
    /// many places from the right; entries to its left were sent by the client and are never read. 0 reads the TCP peer.
    /// </summary>
    public int ForwardedHops { get; set; }
}

public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hops = context.RequestServices.GetService<IOptions<ClientAddressOptions>>()?.Value.ForwardedHops ?? 0;
        var peer = context.Connection.RemoteIpAddress;
        var forwarded = hops > 0 ? FromForwardedFor(context.Request.Headers["X-Forwarded-For"], hops) : null;
        return (forwarded ?? (peer is null ? null : Normalized(peer)))?.ToString() ?? "unknown";
    }

    /// <summary>
    /// The entry <paramref name="hops"/> places from the right of the chain (all header lines, in order). A shorter
    /// chain was written by the trusted proxies alone, so its leftmost entry is the farthest address they saw.
    /// </summary>
    public static IPAddress? FromForwardedFor(IEnumerable<string?> headerValues, int hops)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        ArgumentOutOfRangeException.ThrowIfLessThan(hops, 1);
        var chain = headerValues
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (chain.Count == 0)
        {
            return null;
        }

        var entry = chain[Math.Max(0, chain.Count - hops)];
        return IPAddress.TryParse(WithoutPort(entry), out var address) ? Normalized(address) : null;
    }

    /// <summary>An IPv4 client seen over IPv6 (::ffff:a.b.c.d) counts as the same address as over IPv4.</summary>
    private static IPAddress Normalized(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>"203.0.113.7:52814", "[2001:db8::1]:52814", "[2001:db8::1]", "2001:db8::1" or "203.0.113.7".</summary>
    private static string WithoutPort(string entry)
    {
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? entry[1..close] : entry;
        }

        return entry.Count(c => c == ':') == 1 ? entry[..entry.IndexOf(':', StringComparison.Ordinal)] : entry;
    }
}
