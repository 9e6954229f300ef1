using System.Globalization;
using Hotspot.Simulators.RouterOs.Gateway;

namespace Hotspot.Simulators.RouterOs;

/// <summary><c>Hotspot.Simulators routeros [options]</c>: a simulated MikroTik router until Ctrl+C or SIGTERM.</summary>
public static class RouterOsSimulatorCli
{
    public const string Usage = """
        Usage: Hotspot.Simulators routeros [--api-port 8728] [--tls-port 8729] [--control-port 8730] [--version "7.14.3 (stable)"]
                                           [--user admin] [--password PASS] [--latency-ms 0]
                                           [--portal-dir DIR] [--gateway-port 8731] [--second-login refuse|replace] [--identity NAME]
                                           [--radius 127.0.0.1:1812 --radius-secret SECRET [--radius-timeout-ms 1100] [--require-message-auth yes|no]]
          --api-port      RouterOS API port (plain); 0 picks a free one
          --tls-port      API-SSL port with a generated self-signed certificate (off unless given)
          --control-port  control port on loopback: POST /hosts, DELETE /hosts/{mac}, POST /clock/advance, GET /state, POST /faults, GET /sentences,
                          with a gateway GET /gateway, PUT /gateway/device, DELETE /gateway/device
          --version       RouterOS version it reports (e.g. "6.49.10 (long-term)", "7.18.2 (stable)")
          --user          API user (default admin)
          --password      API password (default empty)
          --latency-ms    delay before every reply
          --portal-dir    serve this hotspot HTML directory (login.html, alogin.html, …) on the hotspot gateway
          --gateway-port  the hotspot gateway's HTTP port (8731 by default when --portal-dir is given; 0 picks a free one)
          --second-login  a login for a device that already has a session: refuse (default) or replace it
          --identity      /system identity (what a RADIUS router sends as NAS-Identifier)
          --radius        use RADIUS for hotspot logins of users the router does not have: the server's auth address:port (accounting on port + 1)
          --radius-secret the RADIUS shared secret
          --radius-timeout-ms  wait before resending a request (RouterOS default 1100)
          --require-message-auth  require Message-Authenticator in replies (default: yes from 7.15, as RouterOS)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Parse(args) is not var (options, controlPort, gatewayOptions))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var stop = new StopSignal();
        await using var simulator = RouterOsSimulator.Start(options);
        await using var gateway = gatewayOptions is null ? null : await HotspotGateway.StartAsync(simulator, gatewayOptions);
        await using var control = await RouterOsControlPort.StartAsync(simulator, controlPort, gateway);
        Console.WriteLine($"RouterOS {options.Version} API: 127.0.0.1:{simulator.ApiPort} (user {options.User})");
        if (simulator.TlsPort is { } tls)
        {
            Console.WriteLine($"API-SSL:  127.0.0.1:{tls}, certificate SHA-256 {simulator.CertificateSha256}");
        }

        Console.WriteLine($"Control port: {string.Join(", ", control.Urls)}");
        if (simulator.Radius is { } radius)
        {
            Console.WriteLine($"RADIUS client: {radius.Settings.Address}:{radius.Settings.AuthenticationPort}/{radius.Settings.AccountingPort} as {simulator.State.Identity}" +
                $" (Message-Authenticator {(radius.RequiresSignedReplies ? "required" : "not required")})");
        }

        if (gateway is not null)
        {
            Console.WriteLine($"Hotspot gateway: {gateway.Url} serving {gatewayOptions!.PortalDirectory} (choose the device: PUT /gateway/device on the control port, or header {HotspotGateway.MacHeader})");
        }

        Console.WriteLine("Ctrl+C stops it.");
        await stop.Stopped;
        return 0;
    }

    internal static (RouterOsSimulatorOptions Options, int ControlPort, HotspotGatewayOptions? Gateway)? Parse(IReadOnlyList<string> args)
    {
        var options = new RouterOsSimulatorOptions { ApiPort = 8728 };
        var controlPort = 8730;
        var gatewayPort = 8731;
        string? portalDirectory = null;
        System.Net.IPEndPoint? radiusServer = null;
        string? radiusSecret = null;
        var radiusTimeout = TimeSpan.FromMilliseconds(1100);
        bool? requireMessageAuth = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            if (value is null)
            {
                return null;
            }

            switch (args[i])
            {
                case "--api-port" when CliValues.Port(value) is { } port:
                    options = options with { ApiPort = port };
                    break;
                case "--tls-port" when CliValues.Port(value) is { } port:
                    options = options with { TlsPort = port };
                    break;
                case "--control-port" when CliValues.Port(value) is { } port:
                    controlPort = port;
                    break;
                case "--version":
                    options = options with { Version = value };
                    break;
                case "--user":
                    options = options with { User = value };
                    break;
                case "--password":
                    options = options with { Password = value };
                    break;
                case "--portal-dir":
                    portalDirectory = value;
                    break;
                case "--gateway-port" when CliValues.Port(value) is { } port:
                    gatewayPort = port;
                    break;
                case "--second-login" when Enum.TryParse<SecondLogin>(value, ignoreCase: true, out var second) && Enum.IsDefined(second):
                    options = options with { SecondLoginOnDevice = second };
                    break;
                case "--identity" when value.Length is > 0 and <= 64:
                    options = options with { Identity = value };
                    break;
                case "--radius" when System.Net.IPEndPoint.TryParse(value, out var server) && server.Port is > 0 and < 65535:
                    radiusServer = server;
                    break;
                case "--radius-secret" when value.Length > 0:
                    radiusSecret = value;
                    break;
                case "--radius-timeout-ms" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var timeout) && timeout > 0:
                    radiusTimeout = TimeSpan.FromMilliseconds(timeout);
                    break;
                case "--require-message-auth" when value is "yes" or "no":
                    requireMessageAuth = value == "yes";
                    break;
                case "--latency-ms" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var latency):
                    options = options with { LatencyMs = latency };
                    break;
                default:
                    return null;
            }

            i++;
        }

        if ((radiusServer is null) != (radiusSecret is null))
        {
            return null;
        }

        if (radiusServer is not null)
        {
            options = options with
            {
                Radius = new Radius.RadiusClientSettings
                {
                    Address = radiusServer.Address,
                    AuthenticationPort = radiusServer.Port,
                    AccountingPort = radiusServer.Port + 1,
                    Secret = radiusSecret!,
                    Timeout = radiusTimeout,
                    RequireMessageAuthenticator = requireMessageAuth,
                    TimedInterimUpdates = true,
                },
            };
        }

        return (options, controlPort, portalDirectory is null ? null : new HotspotGatewayOptions { PortalDirectory = portalDirectory, Port = gatewayPort });
    }
}
