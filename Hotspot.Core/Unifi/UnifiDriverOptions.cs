namespace Hotspot.Unifi;

/// <summary>Time budget and resilience of every UniFi controller call; shared by all routers.</summary>
public sealed class UnifiDriverOptions
{
    /// <summary>Longest wait for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest time one driver request may take, retries and Retry-After waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest time one driver operation (site, client, action and read-back together) may take.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Retries of safe requests (GET) after 429, 5xx, timeouts and connection failures; 0 for none.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First back-off delay (exponential, jittered) when the controller sends no Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Failure ratio within <see cref="BreakerSamplingDuration"/> that opens a controller's circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Requests needed within the sampling window before the circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Must be at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls to that controller at once.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Lab only: stored routers may use an http:// base URL (never with a pin). Off by default.</summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>How long a site's id, looked up by its internalReference, is reused.</summary>
    public TimeSpan SiteCacheLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a client's id and guest flag, looked up by MAC, are reused (a stale id is looked up again).</summary>
    public TimeSpan ClientCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Ubiquiti's Site Manager, whose connector reaches consoles behind NAT (the simulator in development and tests).</summary>
    public Uri SiteManagerUrl { get; set; } = SiteManager.SiteManagerConnector.DefaultUrl;

    /// <summary>Lab only: the pinned certificate of a Site Manager stand-in; null validates the certificate for its host.</summary>
    public string? SiteManagerCertificateSha256 { get; set; }

    /// <summary>
    /// Requests per minute per Site Manager API key (Ubiquiti documents 10,000 for v1 stable keys, 100 for Early Access);
    /// 0 for no budget of ours.
    /// </summary>
    public int SiteManagerRequestsPerMinute { get; set; } = 10_000;
}
