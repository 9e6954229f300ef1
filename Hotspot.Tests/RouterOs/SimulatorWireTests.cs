using System.Net.Sockets;
using System.Text;
using Hotspot.RouterOs;
using Hotspot.RouterOs.Wire;

namespace Hotspot.Tests.RouterOs;

/// <summary>The simulator's framing, checked byte for byte over a raw socket rather than through our client.</summary>
public sealed class SimulatorWireTests
{
    private static readonly byte[] Done = [0x05, .. "!done"u8, 0x00];

    [Fact]
    public async Task Replies_are_the_exact_bytes_of_the_protocol()
    {
        await using var router = RunningRouter.Start();
        using var socket = await ConnectAsync(router);

        await SendAsync(socket, [0x06, .. "/login"u8, 0x0B, .. "=name=admin"u8, 0x13, .. Encoding.UTF8.GetBytes("=password=" + RunningRouter.Password), 0x00]);
        Assert.Equal(Done, await ReceiveAsync(socket, Done.Length));

        await SendAsync(socket, [0x16, .. "/system/identity/print"u8, 0x06, .. ".tag=a"u8, 0x00]);
        byte[] expected = [0x03, .. "!re"u8, 0x0E, .. "=name=MikroTik"u8, 0x06, .. ".tag=a"u8, 0x00, 0x05, .. "!done"u8, 0x06, .. ".tag=a"u8, 0x00];
        Assert.Equal(expected, await ReceiveAsync(socket, expected.Length));
    }

    [Fact]
    public async Task A_command_before_login_is_answered_by_fatal_and_the_connection_closed()
    {
        await using var router = RunningRouter.Start();
        using var socket = await ConnectAsync(router);

        await SendAsync(socket, [0x16, .. "/system/identity/print"u8, 0x00]);

        byte[] expected = [0x06, .. "!fatal"u8, 0x0D, .. "not logged in"u8, 0x00];
        Assert.Equal(expected, await ReceiveAsync(socket, expected.Length));
        Assert.Equal(0, await socket.ReceiveAsync(new byte[1]));
    }

    [Fact]
    public async Task Words_split_across_tcp_segments_and_two_byte_lengths_are_read()
    {
        await using var router = RunningRouter.Start();
        using var socket = await ConnectAsync(router);
        await LoginAsync(socket);
        var comment = new string('c', 200);
        var bytes = SentenceWriter.ToBytes(["/ip/hotspot/user/add", "=name=split", "=comment=" + comment]);
        Assert.Equal([0x80, 0xD1], bytes[33..35]);

        foreach (var b in bytes)
        {
            await SendAsync(socket, [b]);
        }

        var reply = SentenceWriter.ToBytes(["!done", "=ret=*1"]);
        Assert.Equal(reply, await ReceiveAsync(socket, reply.Length));
        Assert.Equal(comment, router.State.Snapshot()["/ip/hotspot/user"][0]["comment"]);
    }

    [Fact]
    public async Task Cancel_interrupts_a_command_still_in_flight()
    {
        await using var router = RunningRouter.Start(configure: o => o with { LatencyMs = 300 });
        using var socket = await ConnectAsync(router);
        await LoginAsync(socket);

        await SendAsync(socket, [.. SentenceWriter.ToBytes(["/ip/hotspot/user/print", ".tag=slow"]), .. SentenceWriter.ToBytes(["/cancel", "=tag=slow", ".tag=c"])]);

        var reader = new SentenceReader(new NetworkStream(socket));
        var replies = new List<IReadOnlyList<string>>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add((await reader.ReadAsync(CancellationToken.None))!);
        }

        Assert.Equal(["!trap", "=category=2", "=message=interrupted", ".tag=slow"], replies[0]);
        Assert.Equal(["!done", ".tag=slow"], replies[1]);
        Assert.Equal(["!done", ".tag=c"], replies[2]);
    }

    [Fact]
    public async Task Garbage_from_a_client_closes_the_connection_and_the_simulator_keeps_serving()
    {
        await using var router = RunningRouter.Start();
        using (var socket = await ConnectAsync(router))
        {
            await SendAsync(socket, [0xF7, 0x01, 0x02]);
            Assert.Equal(0, await socket.ReceiveAsync(new byte[1]));
        }

        var connection = await router.ConnectAsync();
        Assert.True((await connection.SendAsync(new RouterOsCommand("/system/identity/print"), CancellationToken.None)).Succeeded);
    }

    private static async Task<Socket> ConnectAsync(RunningRouter router)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 10_000 };
        await socket.ConnectAsync("127.0.0.1", router.Simulator.ApiPort);
        return socket;
    }

    private static async Task LoginAsync(Socket socket)
    {
        await SendAsync(socket, SentenceWriter.ToBytes(["/login", "=name=admin", "=password=" + RunningRouter.Password]));
        Assert.Equal(Done, await ReceiveAsync(socket, Done.Length));
    }

    private static async Task SendAsync(Socket socket, byte[] bytes) => await socket.SendAsync(bytes);

    private static async Task<byte[]> ReceiveAsync(Socket socket, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), timeout.Token);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return buffer[..filled];
    }
}
