namespace Hotspot.Simulators.Unifi;

/// <summary>How a UniFi simulator listens. Port 0 picks a free port (read it back from the running simulator).</summary>
public sealed record UnifiSimulatorOptions
{
    public const string DefaultApiKey = "unifi-sim-key";
    public const string DefaultSiteManagerApiKey = "unifi-sim-site-manager-key";
    public const string DefaultConsoleId = "70A7419783ED0000000006797EDC000000000722E5A60000000062D7C1E1:1234567890";

    /// <summary>Integration API port (HTTPS unless <see cref="UseHttp"/>); the CLI defaults it to 8443.</summary>
    public int Port { get; init; }

    /// <summary>Control port (HTTP JSON, loopback only); the CLI defaults it to 8444.</summary>
    public int ControlPort { get; init; }

    /// <summary>Plain HTTP instead of HTTPS with a self-signed certificate.</summary>
    public bool UseHttp { get; init; }

    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>The internalReference of the site that exists from the start.</summary>
    public string Site { get; init; } = "default";

    /// <summary>The <c>X-API-Key</c> of Ubiquiti's Site Manager, which the connector paths on the same port accept.</summary>
    public string SiteManagerApiKey { get; init; } = DefaultSiteManagerApiKey;

    /// <summary>This console's host id in the Site Manager (<c>GET /v1/hosts</c>), the connector's <c>{id}</c>.</summary>
    public string ConsoleId { get; init; } = DefaultConsoleId;

    /// <summary>Site Manager requests per minute for the key; 0 for no limit.</summary>
    public int SiteManagerRequestsPerMinute { get; init; }

    /// <summary>Listen on every interface instead of loopback (the control port always stays on loopback).</summary>
    public bool ListenOnAllInterfaces { get; init; }
}
