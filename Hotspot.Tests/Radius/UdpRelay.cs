using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Hotspot.Tests.Radius;

/// <summary>
/// A UDP hop between a RADIUS client and FreeRADIUS that loses, or rewrites, chosen datagrams: the lossy network a
/// router behind NAT talks over. Each client source port gets its own upstream socket, so retransmissions keep their
/// source as they do on the wire.
/// </summary>
internal sealed class UdpRelay : IAsyncDisposable
{
    private readonly UdpClient _front = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _server;
    private readonly ConcurrentDictionary<IPEndPoint, UdpClient> _upstream = new();
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _requests;
    private int _replies;

    /// <param name="dropRequest">Given the request's number (0-based, in arrival order) and bytes: true drops it.</param>
    /// <param name="rewriteReply">Given the reply's number and bytes: null drops it, else the bytes to pass on.</param>
    public UdpRelay(int serverPort, Func<int, byte[], bool>? dropRequest = null, Func<int, byte[], byte[]?>? rewriteReply = null)
    {
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
        DropRequest = dropRequest ?? ((_, _) => false);
        RewriteReply = rewriteReply ?? ((_, bytes) => bytes);
        _loops.Add(FrontLoopAsync());
    }

    public int Port => ((IPEndPoint)_front.Client.LocalEndPoint!).Port;

    public Func<int, byte[], bool> DropRequest { get; set; }

    public Func<int, byte[], byte[]?> RewriteReply { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _front.Dispose();
        foreach (var socket in _upstream.Values)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_loops);
        _stopping.Dispose();
    }

    private async Task FrontLoopAsync()
    {
        try
        {
            while (true)
            {
                var received = await _front.ReceiveAsync(_stopping.Token);
                if (DropRequest(Interlocked.Increment(ref _requests) - 1, received.Buffer))
                {
                    continue;
                }

                var upstream = _upstream.GetOrAdd(received.RemoteEndPoint, client =>
                {
                    var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                    lock (_loops)
                    {
                        _loops.Add(BackLoopAsync(socket, client));
                    }

                    return socket;
                });
                await upstream.SendAsync(received.Buffer, _server, _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }

    private async Task BackLoopAsync(UdpClient upstream, IPEndPoint client)
    {
        try
        {
            while (true)
            {
                var reply = await upstream.ReceiveAsync(_stopping.Token);
                if (RewriteReply(Interlocked.Increment(ref _replies) - 1, reply.Buffer) is { } bytes)
                {
                    await _front.SendAsync(bytes, client, _stopping.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }
}
