using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotspot.Auth;

public sealed class ClientAddressOptions
{
    /// <summary>Behind the Azure Functions front end the client is the last X-Forwarded-For hop, not the TCP peer.</summary>
    public bool UseForwardedFor { get; set; }
}

public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var options = context.RequestServices.GetService<IOptions<ClientAddressOptions>>()?.Value;
        if (options?.UseForwardedFor == true && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (last is not null && System.Net.IPAddress.TryParse(StripPort(last), out var address))
            {
                return address.ToString();
            }
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static string StripPort(string value) =>
        value.Count(c => c == ':') == 1 ? value[..value.IndexOf(':', StringComparison.Ordinal)] : value.Trim('[', ']');
}
