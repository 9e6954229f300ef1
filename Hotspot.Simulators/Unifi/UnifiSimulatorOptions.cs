namespace Hotspot.Simulators.Unifi;

/// <summary>How a UniFi simulator listens. Port 0 picks a free port (read it back from the running simulator).</summary>
public sealed record UnifiSimulatorOptions
{
    public const string DefaultApiKey = "unifi-sim-key";

    /// <summary>Integration API port (HTTPS unless <see cref="UseHttp"/>); the CLI defaults it to 8443.</summary>
    public int Port { get; init; }

    /// <summary>Control port (HTTP JSON, loopback only); the CLI defaults it to 8444.</summary>
    public int ControlPort { get; init; }

    /// <summary>Plain HTTP instead of HTTPS with a self-signed certificate.</summary>
    public bool UseHttp { get; init; }

    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>The internalReference of the site that exists from the start.</summary>
    public string Site { get; init; } = "default";

    /// <summary>Listen on every interface instead of loopback (the control port always stays on loopback).</summary>
    public bool ListenOnAllInterfaces { get; init; }
}
