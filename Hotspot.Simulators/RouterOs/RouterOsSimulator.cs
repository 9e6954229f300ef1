using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hotspot.RouterOs;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// A RouterOS router on the wire: the API on TCP (and API-SSL with a generated self-signed certificate when asked),
/// hotspot tables with RouterOS semantics, a controllable clock, fault injection and a record of every sentence received.
/// </summary>
public sealed class RouterOsSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _sessions = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _acceptLoops = [];
    private TcpListener _api;
    private TcpListener? _tls;
    private int _nextConnection;
    private int _openConnections;
    private bool _refusing;

    private RouterOsSimulator(RouterOsSimulatorOptions options)
    {
        Options = options;
        Clock = options.Clock;
        State = new RouterState(RouterOsVersion.Parse(options.Version), options.Clock, options.Identity) { SecondLoginOnDevice = options.SecondLoginOnDevice };
        Faults = new SimulatorFaults { LatencyMs = options.LatencyMs };
        Radius = options.Radius is { } radius ? new Radius.HotspotRadiusClient(State, radius) : null;
        _api = new TcpListener(options.Address, options.ApiPort);
        if (options.TlsPort is { } tlsPort)
        {
            Certificate = SelfSignedCertificate.Create("routeros-simulator");
            _tls = new TcpListener(options.Address, tlsPort);
        }
    }

    public RouterOsSimulatorOptions Options { get; }

    public RouterState State { get; }

    public SimulatorFaults Faults { get; }

    /// <summary>The hotspot's RADIUS client when the router uses RADIUS (<see cref="RouterOsSimulatorOptions.Radius"/>).</summary>
    public Radius.HotspotRadiusClient? Radius { get; }

    public SentenceLog Sentences { get; } = new();

    public SimulatorClock Clock { get; }

    public int ApiPort { get; private set; }

    public int? TlsPort { get; private set; }

    public X509Certificate2? Certificate { get; }

    /// <summary>SHA-256 of the API-SSL certificate (hex), what a client pins.</summary>
    public string? CertificateSha256 => Certificate is null ? null : Convert.ToHexString(SHA256.HashData(Certificate.RawData));

    /// <summary>API connections open right now.</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    public static RouterOsSimulator Start(RouterOsSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new RouterOsSimulator(options);
        simulator.Listen();
        return simulator;
    }

    /// <summary>Stops listening (connections are refused) or listens again on the same ports.</summary>
    public void RefuseConnections(bool refuse)
    {
        lock (_gate)
        {
            if (refuse == _refusing)
            {
                return;
            }

            _refusing = refuse;
            if (refuse)
            {
                _api.Stop();
                _tls?.Stop();
            }
            else
            {
                _api = new TcpListener(Options.Address, ApiPort);
                _tls = TlsPort is { } port ? new TcpListener(Options.Address, port) : null;
                Listen();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        lock (_gate)
        {
            _api.Stop();
            _tls?.Stop();
        }

        await Task.WhenAll(_acceptLoops.Concat(_sessions.Values));
        if (Radius is not null)
        {
            await Radius.DisposeAsync();
        }

        Certificate?.Dispose();
        _stopping.Dispose();
    }

    private void Listen()
    {
        _api.Start();
        ApiPort = ((System.Net.IPEndPoint)_api.LocalEndpoint).Port;
        _acceptLoops.Add(AcceptLoopAsync(_api, tls: false));
        if (_tls is not null)
        {
            _tls.Start();
            TlsPort = ((System.Net.IPEndPoint)_tls.LocalEndpoint).Port;
            _acceptLoops.Add(AcceptLoopAsync(_tls, tls: true));
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener, bool tls)
    {
        await Task.Yield();
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // InvalidOperationException: the listener was stopped (refusing connections) before this loop first accepted.
                return;
            }

            var id = Interlocked.Increment(ref _nextConnection);
            _sessions[id] = ServeAsync(client, tls, id);
        }
    }

    private async Task ServeAsync(TcpClient client, bool tls, int id)
    {
        await Task.Yield();
        Interlocked.Increment(ref _openConnections);
        try
        {
            client.NoDelay = true;
            Stream stream = client.GetStream();
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                handshake.CancelAfter(TimeSpan.FromSeconds(10));
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, handshake.Token);
            }

            await new SimulatorSession(this, stream, id).RunAsync(_stopping.Token);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or SocketException)
        {
            // A client that failed the TLS handshake or vanished: nothing to answer.
        }
        finally
        {
            client.Dispose();
            Interlocked.Decrement(ref _openConnections);
            _sessions.TryRemove(id, out _);
        }
    }
}
