using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Simulators.Unifi;

/// <summary>
/// A UniFi Network console's Integration API on one port (HTTPS with a fresh self-signed certificate, or HTTP) and a
/// control port on loopback. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class UnifiSimulator : IAsyncDisposable
{
    private readonly WebApplication _api;
    private readonly WebApplication _control;
    private readonly X509Certificate2? _certificate;

    private UnifiSimulator(WebApplication api, WebApplication control, X509Certificate2? certificate, UnifiState state, UnifiFaults faults)
    {
        _api = api;
        _control = control;
        _certificate = certificate;
        State = state;
        Faults = faults;
    }

    public UnifiState State { get; }

    public UnifiFaults Faults { get; }

    /// <summary>The Integration API root, e.g. <c>https://127.0.0.1:8443/proxy/network/integration</c>.</summary>
    public Uri ApiBaseUrl => new(BoundAddress(_api) + UnifiApiEndpoints.Prefix);

    /// <summary>Where the Site Manager stand-in answers (the same port): <c>/v1/hosts</c>, <c>/v1/connector/consoles/{id}/…</c>.</summary>
    public Uri SiteManagerUrl => new(BoundAddress(_api));

    public Uri ControlUrl => new(BoundAddress(_control));

    /// <summary>SHA-256 fingerprint of the certificate (hex), to pin it; null over plain HTTP.</summary>
    public string? CertificateSha256 => _certificate is null ? null : Convert.ToHexString(_certificate.GetCertHash(HashAlgorithmName.SHA256));

    public static async Task<UnifiSimulator> StartAsync(UnifiSimulatorOptions options, CancellationToken cancellationToken, ILoggerProvider? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new UnifiState(options.Site);
        var faults = new UnifiFaults();
        var certificate = options.UseHttp ? null : SelfSignedCertificate.Create("unifi-simulator");
        var address = options.ListenOnAllInterfaces ? IPAddress.Any : IPAddress.Loopback;

        var api = CreateApp(logging, kestrel => kestrel.Listen(address, options.Port, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        api.UseMiddleware<SiteManagerMiddleware>(state, options);
        api.UseMiddleware<UnifiApiMiddleware>(state, faults, options.ApiKey);

        // Routing after both, so that the connector's path rewrite picks the console's endpoint.
        api.UseRouting();
        UnifiApiEndpoints.Map(api, state, faults);

        var control = CreateApp(logging, kestrel => kestrel.Listen(IPAddress.Loopback, options.ControlPort));
        UnifiControlEndpoints.Map(control, state, faults);

        await api.StartAsync(cancellationToken);
        await control.StartAsync(cancellationToken);
        return new UnifiSimulator(api, control, certificate, state, faults);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.StopAsync();
        await _control.StopAsync();
        await _api.DisposeAsync();
        await _control.DisposeAsync();
        _certificate?.Dispose();
    }

    private static WebApplication CreateApp(ILoggerProvider? logging, Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions> listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }

        builder.WebHost.ConfigureKestrel(listen);
        return builder.Build();
    }

    private static string BoundAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}
