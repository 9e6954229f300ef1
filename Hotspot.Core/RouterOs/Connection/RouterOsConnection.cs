using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Hotspot.RouterOs.Wire;

namespace Hotspot.RouterOs;

/// <summary>
/// One logged-in API session. Every command is tagged, so any number can be in flight; one reader routes each reply
/// sentence to its command by tag. A timeout, a <c>!fatal</c> or a broken stream leave it unusable (<see cref="IsUsable"/>).
/// </summary>
public sealed class RouterOsConnection : IRouterOsClient, IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly SentenceReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingCommand> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private long _nextTag;
    private long _bytesCounted;
    private Task _readLoop = Task.CompletedTask;
    private volatile RouterOsConnectionException? _failure;

    private RouterOsConnection(RouterOsEndpoint endpoint, TcpClient tcp, Stream stream, RouterOsCounters counters)
    {
        Endpoint = endpoint;
        _tcp = tcp;
        _stream = stream;
        _reader = new SentenceReader(stream);
        Counters = counters;
    }

    public RouterOsEndpoint Endpoint { get; }

    public RouterOsCounters Counters { get; }

    public bool IsUsable => _failure is null && !_closing.IsCancellationRequested;

    /// <summary>Connects, logs in and starts routing replies. Errors name the router and what failed.</summary>
    public static async Task<RouterOsConnection> OpenAsync(RouterOsEndpoint endpoint, string password, CancellationToken cancellationToken, RouterOsCounters? counters = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(password);
        var (tcp, stream) = await RouterOsTransport.OpenAsync(endpoint, cancellationToken);
        var connection = new RouterOsConnection(endpoint, tcp, stream, counters ?? new RouterOsCounters());
        connection.Counters.ConnectionOpened();
        try
        {
            await RouterOsLogin.LoginAsync(words => connection.ExchangeUntaggedAsync(words, cancellationToken), endpoint, password);
            connection._readLoop = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<RouterOsResponse> SendAsync(RouterOsCommand command, CancellationToken cancellationToken) =>
        (await SendAllAsync([command], cancellationToken))[0];

    public async Task<IReadOnlyList<RouterOsResponse>> SendAllAsync(IReadOnlyList<RouterOsCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 0)
        {
            return [];
        }

        var pending = commands.Select(c => Register(c, streamed: false)).ToArray();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Endpoint.CommandTimeout);
        try
        {
            await WriteAsync(pending, timeout.Token);
            return await Task.WhenAll(pending.Select(p => p.Completion)).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(pending[0].Command);
        }
        finally
        {
            foreach (var p in pending)
            {
                _pending.TryRemove(p.Tag, out _);
            }
        }
    }

    public async IAsyncEnumerable<RouterOsRow> StreamAsync(RouterOsCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = Register(command, streamed: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Endpoint.CommandTimeout);
        try
        {
            await WriteAsync([pending], timeout.Token);
            while (true)
            {
                bool more;
                try
                {
                    more = await pending.Rows.WaitToReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw TimedOut(command);
                }

                if (!more)
                {
                    break;
                }

                while (pending.Rows.TryRead(out var row))
                {
                    yield return row;
                }

                // The timeout bounds the silence between rows, not the length of a large print.
                timeout.CancelAfter(Endpoint.CommandTimeout);
            }
        }
        finally
        {
            if (_pending.TryRemove(pending.Tag, out _) && pending.Completion.IsCompleted is false)
            {
                pending.Abandon();
                await CancelQuietlyAsync(pending.Tag);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closing.IsCancellationRequested)
        {
            await _closing.CancelAsync();
        }

        Fail(new RouterOsConnectionException(RouterOsFailure.Dropped, $"{Endpoint.Name}: the connection was closed") { Router = Endpoint.Name });
        _tcp.Dispose();
        await _stream.DisposeAsync();
        try
        {
            await _readLoop;
        }
        catch (ObjectDisposedException)
        {
        }

        _writeLock.Dispose();
        _closing.Dispose();
    }

    private PendingCommand Register(RouterOsCommand command, bool streamed)
    {
        ArgumentNullException.ThrowIfNull(command);
        ThrowIfUnusable();
        var tag = Interlocked.Increment(ref _nextTag).ToString(CultureInfo.InvariantCulture);
        var pending = new PendingCommand(command, tag, streamed);
        _pending[tag] = pending;
        return pending;
    }

    private async Task WriteAsync(PendingCommand[] commands, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var pending in commands)
        {
            SentenceWriter.Write(pending.Command.ToWords(pending.Tag), buffer);
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfUnusable();
            await _stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            // Part of a sentence may be on the wire: nothing more can be sent on this stream.
            Fail(Broken(RouterOsFailure.Dropped, $"sending {commands[0].Command.Path} failed", exception));
            throw _failure ?? Broken(RouterOsFailure.Dropped, "sending failed", exception);
        }
        finally
        {
            _writeLock.Release();
        }

        Counters.RoundTrip(commands.Length, buffer.WrittenCount);
    }

    private async Task CancelQuietlyAsync(string tag)
    {
        if (!IsUsable)
        {
            return;
        }

        var cancel = new RouterOsCommand("/cancel").With("tag", tag);
        try
        {
            using var timeout = new CancellationTokenSource(Endpoint.CommandTimeout);
            await SendAsync(cancel, timeout.Token);
        }
        catch (RouterOsException)
        {
            // The connection reports its own state; a failed /cancel changes nothing for the caller.
        }
    }

    private async Task ReadLoopAsync()
    {
        RouterOsConnectionException failure;
        try
        {
            while (true)
            {
                var words = await _reader.ReadAsync(_closing.Token);
                CountReceived();
                if (words is null)
                {
                    failure = Broken(RouterOsFailure.Dropped, "the router closed the connection");
                    break;
                }

                if (words.Count == 0)
                {
                    continue;
                }

                if (words[0] == "!fatal")
                {
                    var reason = words.Skip(1).FirstOrDefault(w => !w.StartsWith(Words.TagPrefix, StringComparison.Ordinal)) ?? "no reason given";
                    failure = Broken(RouterOsFailure.Fatal, $"the router ended the session: {reason}");
                    break;
                }

                // Untagged replies and replies to abandoned commands have nobody waiting for them.
                if (Words.FindTag(words) is { } tag && _pending.TryGetValue(tag, out var pending)
                    && await pending.AcceptAsync(words, _closing.Token))
                {
                    _pending.TryRemove(tag, out _);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            failure = Broken(RouterOsFailure.Dropped, "the connection was closed");
        }
        catch (RouterOsProtocolException exception) when (exception.Truncated)
        {
            failure = Broken(RouterOsFailure.Dropped, "the router closed the connection in the middle of a sentence", exception);
        }
        catch (RouterOsProtocolException exception)
        {
            failure = Broken(RouterOsFailure.Protocol, $"the router sent bytes that are not the API protocol: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            failure = Broken(RouterOsFailure.Dropped, "the connection broke", exception);
        }

        Fail(failure);
    }

    private async Task<RouterOsResponse> ExchangeUntaggedAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Endpoint.CommandTimeout);
        var command = new RouterOsCommand(words[0]);
        var pending = new PendingCommand(command, string.Empty, streamed: false);
        try
        {
            var bytes = SentenceWriter.ToBytes(words);
            await _stream.WriteAsync(bytes, timeout.Token);
            await _stream.FlushAsync(timeout.Token);
            Counters.RoundTrip(1, bytes.Length);
            while (true)
            {
                var reply = await _reader.ReadAsync(timeout.Token) ?? throw Broken(RouterOsFailure.Dropped, $"the router closed the connection during {command.Path}");
                CountReceived();
                if (reply.Count > 0 && reply[0] == "!fatal")
                {
                    throw Broken(RouterOsFailure.Fatal, $"the router ended the session during {command.Path}: {string.Join(' ', reply.Skip(1))}");
                }

                if (reply.Count > 0 && await pending.AcceptAsync(reply, timeout.Token))
                {
                    return await pending.Completion;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(command);
        }
        catch (RouterOsProtocolException exception)
        {
            throw Broken(RouterOsFailure.Protocol, $"the reply to {command.Path} is not the API protocol (is this the API port?): {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw Broken(RouterOsFailure.Dropped, $"the connection broke during {command.Path}", exception);
        }
    }

    private void CountReceived()
    {
        var total = _reader.BytesRead;
        Counters.Received(total - _bytesCounted);
        _bytesCounted = total;
    }

    private RouterOsConnectionException TimedOut(RouterOsCommand command)
    {
        // A late reply could still be on its way: the connection is not trusted any more.
        var exception = Broken(RouterOsFailure.TimedOut, $"no reply to {command.Path} within {Endpoint.CommandTimeout.TotalSeconds:0.###} s");
        Fail(exception);
        return exception;
    }

    private void Fail(RouterOsConnectionException failure)
    {
        _failure ??= failure;
        foreach (var pending in _pending.Values)
        {
            var reason = pending.ReceivedAny ? "in the middle of the reply" : "before any reply";
            pending.Fail(new RouterOsConnectionException(failure.Failure, $"{failure.Message} ({reason} to {pending.Command.Path})", failure) { Router = Endpoint.Name });
        }

        _pending.Clear();
        if (!_closing.IsCancellationRequested)
        {
            _tcp.Client?.Close();
        }
    }

    private void ThrowIfUnusable()
    {
        if (_failure is { } failure)
        {
            throw new RouterOsConnectionException(failure.Failure, failure.Message, failure) { Router = Endpoint.Name };
        }

        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
    }

    private RouterOsConnectionException Broken(RouterOsFailure failure, string what, Exception? inner = null) =>
        RouterOsTransport.Failed(Endpoint, failure, what, inner);
}
