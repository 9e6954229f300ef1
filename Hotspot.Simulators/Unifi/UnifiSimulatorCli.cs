using System.Globalization;

namespace Hotspot.Simulators.Unifi;

/// <summary><c>Hotspot.Simulators unifi [options]</c>: runs a simulator until Ctrl+C or SIGTERM.</summary>
public static class UnifiSimulatorCli
{
    public const string Usage = """
        Usage: Hotspot.Simulators unifi [--port 8443] [--http] [--control-port 8444] [--api-key KEY] [--site default] [--listen-any]
          --port          Integration API port (HTTPS with a self-signed certificate unless --http); 0 picks a free one
          --http          plain HTTP instead of HTTPS
          --control-port  control port on loopback (POST /clients, DELETE /clients/{mac}, POST /clock/advance, GET /state, POST /faults)
          --api-key       the X-API-KEY the API accepts (default unifi-sim-key)
          --site          internalReference of the default site (default "default")
          --listen-any    serve the API on every interface, not only loopback
          --site-manager-key    the X-API-Key of the Site Manager stand-in on the same port (default unifi-sim-site-manager-key)
          --console-id          this console's id behind /v1/connector/consoles/{id}/ (default a Site Manager-shaped id)
          --site-manager-rate   Site Manager requests per minute before 429 (default 0: no limit)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var stop = new StopSignal();

        await using var simulator = await UnifiSimulator.StartAsync(options, CancellationToken.None);
        Console.WriteLine($"UniFi Integration API: {simulator.ApiBaseUrl}");
        Console.WriteLine($"X-API-KEY:             {options.ApiKey}");
        Console.WriteLine($"Default site:          {options.Site}");
        if (simulator.CertificateSha256 is { } pin)
        {
            Console.WriteLine($"Certificate SHA-256:   {pin}");
        }

        Console.WriteLine($"Site Manager:          {simulator.SiteManagerUrl} (X-API-Key {options.SiteManagerApiKey}, console {options.ConsoleId})");
        Console.WriteLine($"Control port:          {simulator.ControlUrl}");
        Console.WriteLine("Ctrl+C stops it.");
        await stop.Stopped;
        return 0;
    }

    internal static UnifiSimulatorOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new UnifiSimulatorOptions { Port = 8443, ControlPort = 8444 };
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            options = args[i] switch
            {
                "--http" => options with { UseHttp = true },
                "--listen-any" => options with { ListenOnAllInterfaces = true },
                "--port" when CliValues.Port(Value()) is { } port => options with { Port = port },
                "--control-port" when CliValues.Port(Value()) is { } port => options with { ControlPort = port },
                "--api-key" when Value() is { Length: > 0 } key => options with { ApiKey = key },
                "--site" when Value() is { Length: > 0 } site => options with { Site = site },
                "--site-manager-key" when Value() is { Length: > 0 } key => options with { SiteManagerApiKey = key },
                "--console-id" when Value() is { Length: > 0 } id => options with { ConsoleId = id },
                "--site-manager-rate" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var rate) => options with { SiteManagerRequestsPerMinute = rate },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
