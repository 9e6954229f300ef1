using System.Text.RegularExpressions;
using Hotspot.Tenancy;
using Hotspot.Tenancy.Entities;

namespace Hotspot.Unifi.SiteManager;

/// <summary>
/// Ubiquiti's Site Manager cloud connector: <c>{site manager}/v1/connector/consoles/{id}/{path}</c> is proxied to the
/// console's <c>/proxy/{path}</c>, so the console needs no inbound port. Our Integration API calls keep their paths
/// under the root this gives (the documented form, without a second <c>/proxy</c>).
/// </summary>
public static partial class SiteManagerConnector
{
    /// <summary>The stored and REST <c>conexion</c> of a UniFi router reached through the connector.</summary>
    public const string Conexion = "site_manager";

    public static readonly Uri DefaultUrl = new("https://api.ui.com");

    public const int MaxConsoleIdLength = 200;

    public static bool IsConnector(RouterEntity router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return router.Tipo == RouterKinds.Unifi && router.Conexion == Conexion;
    }

    /// <summary>Site Manager host ids are hex with a colon and a number (<c>70A7…0000:1234567</c>); nothing that could change the path.</summary>
    public static bool IsValidConsoleId(string? id) => id is { Length: > 0 and <= MaxConsoleIdLength } && ConsoleIdPattern().IsMatch(id);

    /// <summary>The Integration API root of one console through the connector.</summary>
    public static Uri IntegrationRoot(Uri siteManagerUrl, string consoleId)
    {
        ArgumentNullException.ThrowIfNull(siteManagerUrl);
        if (!IsValidConsoleId(consoleId))
        {
            throw new ArgumentException("Not a Site Manager console id.", nameof(consoleId));
        }

        return new Uri($"{siteManagerUrl.AbsoluteUri.TrimEnd('/')}/v1/connector/consoles/{Uri.EscapeDataString(consoleId)}/network/integration");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ConsoleIdPattern();
}
