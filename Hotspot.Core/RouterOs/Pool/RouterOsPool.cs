using System.Collections.Concurrent;
using Hotspot.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotspot.RouterOs;

/// <summary>
/// Logged-in connections per router, kept across requests (a warm Functions instance reuses them). At most
/// <see cref="RouterOsPoolOptions.MaxConnectionsPerRouter"/> per router; idle ones are closed after a while; broken ones
/// are replaced. Passwords come from the secret store when a connection is opened and are never logged.
/// </summary>
public sealed partial class RouterOsPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, RouterSlot> _routers = new();
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;
    private readonly RouterOsPoolOptions _options;
    private readonly ILogger _logger;
    private readonly ITimer _evictionTimer;

    public RouterOsPool(ISecretStore secrets, TimeProvider time, RouterOsPoolOptions? options = null, ILogger<RouterOsPool>? logger = null)
    {
        _secrets = secrets;
        _time = time;
        _options = options ?? new RouterOsPoolOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConnectionsPerRouter, 1);
        _logger = logger ?? NullLogger<RouterOsPool>.Instance;
        var period = _options.IdleTimeout / 2;
        _evictionTimer = time.CreateTimer(_ => _ = EvictIdleAsync(), null, period, period);
    }

    /// <summary>A client for one router whose every command borrows a pooled connection.</summary>
    public IRouterOsClient For(RouterOsEndpoint endpoint) => new PooledRouterOsClient(this, endpoint);

    public RouterOsCounters CountersFor(long routerId) => Slot(routerId).Counters;

    /// <summary>Connections to the router that are open now, lent or idle.</summary>
    public int OpenConnections(long routerId) => _routers.TryGetValue(routerId, out var slot) ? slot.Open : 0;

    /// <summary>Waits for a free place under the router's cap, then lends an idle connection or opens one.</summary>
    public async Task<RouterOsLease> LeaseAsync(RouterOsEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var slot = Slot(endpoint.RouterId);
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            var (connection, reused) = await TakeIdleAsync(slot) is { } idle ? (idle, true) : (await OpenAsync(slot, endpoint, cancellationToken), false);
            return new RouterOsLease(connection, reused, c => ReturnAsync(slot, c));
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled connection. If the connection breaks and the work is safe to repeat, it runs
    /// once more on a fresh connection; otherwise the error reaches the caller (and the broken connection is replaced).
    /// </summary>
    public async Task<T> RunAsync<T>(RouterOsEndpoint endpoint, bool safeToRepeat, Func<RouterOsConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            await using var lease = await LeaseAsync(endpoint, cancellationToken);
            try
            {
                return await work(lease.Connection, cancellationToken);
            }
            catch (RouterOsConnectionException exception) when (attempt == 1 && safeToRepeat && !lease.Connection.IsUsable
                && exception.Failure is RouterOsFailure.Dropped or RouterOsFailure.Fatal or RouterOsFailure.Protocol)
            {
                LogRetry(_logger, endpoint.Name, exception.Message);
            }
        }
    }

    /// <summary>Closes connections unused for longer than the idle timeout.</summary>
    public async Task EvictIdleAsync()
    {
        var cutoff = _time.GetUtcNow() - _options.IdleTimeout;
        foreach (var slot in _routers.Values)
        {
            foreach (var connection in slot.TakeIdleOlderThan(cutoff))
            {
                await CloseAsync(slot, connection);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _evictionTimer.DisposeAsync();
        foreach (var slot in _routers.Values)
        {
            foreach (var connection in slot.TakeIdleOlderThan(DateTimeOffset.MaxValue))
            {
                await CloseAsync(slot, connection);
            }
        }
    }

    private RouterSlot Slot(long routerId) => _routers.GetOrAdd(routerId, _ => new RouterSlot(_options.MaxConnectionsPerRouter));

    private async Task<RouterOsConnection?> TakeIdleAsync(RouterSlot slot)
    {
        var cutoff = _time.GetUtcNow() - _options.IdleTimeout;
        while (slot.TakeIdle() is { } idle)
        {
            if (idle.Connection.IsUsable && idle.Since > cutoff)
            {
                return idle.Connection;
            }

            await CloseAsync(slot, idle.Connection);
        }

        return null;
    }

    private async Task<RouterOsConnection> OpenAsync(RouterSlot slot, RouterOsEndpoint endpoint, CancellationToken cancellationToken)
    {
        var password = await _secrets.GetAsync(Secrets.SecretNames.RouterPassword(endpoint.RouterId), cancellationToken)
            ?? throw RouterOsTransport.Failed(endpoint, RouterOsFailure.Login, "no password is stored for this router");
        try
        {
            var connection = await RouterOsConnection.OpenAsync(endpoint, password, cancellationToken, slot.Counters);
            slot.Opened();
            LogOpened(_logger, endpoint.Name, endpoint.User);
            return connection;
        }
        catch (RouterOsConnectionException exception)
        {
            LogOpenFailed(_logger, endpoint.Name, exception.Failure, exception.Message);
            throw;
        }
    }

    private async ValueTask ReturnAsync(RouterSlot slot, RouterOsConnection connection)
    {
        try
        {
            if (connection.IsUsable)
            {
                slot.PutIdle(connection, _time.GetUtcNow());
            }
            else
            {
                await CloseAsync(slot, connection);
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private static async Task CloseAsync(RouterSlot slot, RouterOsConnection connection)
    {
        slot.Closed();
        await connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RouterOS: opened a connection to {Router} as {User}")]
    private static partial void LogOpened(ILogger logger, string router, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RouterOS: could not connect to {Router} ({Failure}): {Reason}")]
    private static partial void LogOpenFailed(ILogger logger, string router, RouterOsFailure failure, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "RouterOS: connection to {Router} broke ({Reason}); repeating the read on a fresh connection")]
    private static partial void LogRetry(ILogger logger, string router, string reason);
}
