using Hotspot.RouterOs;
using Hotspot.Simulators.RouterOs;
using Microsoft.Extensions.Time.Testing;

namespace Hotspot.Tests.RouterOs;

/// <summary>A simulated router on a free loopback port, and connections to it over real TCP.</summary>
internal sealed class RunningRouter : IAsyncDisposable
{
    public const string Password = "s3cret=ñ";

    private readonly List<RouterOsConnection> _connections = [];

    private RunningRouter(RouterOsSimulator simulator) => Simulator = simulator;

    public RouterOsSimulator Simulator { get; }

    public RouterState State => Simulator.State;

    public static RunningRouter Start(string version = "7.14.3 (stable)", bool tls = false, Func<RouterOsSimulatorOptions, RouterOsSimulatorOptions>? configure = null)
    {
        // A clock that moves only when a test advances it: durations on the router are then exact.
        var clock = new SimulatorClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));
        var options = new RouterOsSimulatorOptions { Version = version, Password = Password, TlsPort = tls ? 0 : null, Clock = clock };
        return new RunningRouter(RouterOsSimulator.Start(configure?.Invoke(options) ?? options));
    }

    public RouterOsEndpoint Endpoint(TimeSpan? commandTimeout = null) =>
        new(1, "127.0.0.1", Simulator.ApiPort, "admin") { CommandTimeout = commandTimeout ?? TimeSpan.FromSeconds(10) };

    public RouterOsEndpoint TlsEndpoint(RouterOsTlsOptions tls) =>
        new(1, "127.0.0.1", Simulator.TlsPort!.Value, "admin") { Tls = tls };

    public async Task<RouterOsConnection> ConnectAsync(RouterOsEndpoint? endpoint = null, string password = Password)
    {
        var connection = await RouterOsConnection.OpenAsync(endpoint ?? Endpoint(), password, CancellationToken.None);
        _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}
