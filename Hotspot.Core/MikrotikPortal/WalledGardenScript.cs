using System.Globalization;
using System.Text;

namespace Hotspot.MikrotikPortal;

/// <summary>
/// The RouterOS commands that let a guest who is not logged in reach our API and the payment providers: each host in
/// the HTTP walled garden (plain-HTTP requests) and the IP walled garden (what lets HTTPS through), every entry marked
/// with <see cref="Comment"/> so that running the script again replaces the previous entries instead of adding more.
/// </summary>
public static class WalledGardenScript
{
    public const string Comment = "hotspot-api";

    public static string Write(long routerId, IReadOnlyList<string> hosts, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var comment = RouterOsScriptText.Quote(Comment);
        var script = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# Hotspot walled garden for router {routerId}, generated {generatedAt:yyyy-MM-ddTHH:mm:ssZ}.\n")
            .Append("# Lets guests reach the portal API and the payment providers before they log in. Paste into a RouterOS terminal\n")
            .Append("# or run with /import; running it again replaces the entries it made before.\n")
            .Append(CultureInfo.InvariantCulture, $"/ip hotspot walled-garden remove [find where comment={comment}]\n")
            .Append(CultureInfo.InvariantCulture, $"/ip hotspot walled-garden ip remove [find where comment={comment}]\n");
        foreach (var host in hosts)
        {
            var quoted = RouterOsScriptText.Quote(host);
            script.Append(CultureInfo.InvariantCulture, $"/ip hotspot walled-garden add dst-host={quoted} action=allow comment={comment}\n")
                .Append(CultureInfo.InvariantCulture, $"/ip hotspot walled-garden ip add dst-host={quoted} action=accept comment={comment}\n");
        }

        return script.ToString();
    }
}
