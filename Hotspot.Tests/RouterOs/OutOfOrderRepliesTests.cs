using System.Net;
using System.Net.Sockets;
using Hotspot.RouterOs;
using Hotspot.RouterOs.Wire;

namespace Hotspot.Tests.RouterOs;

/// <summary>A scripted router that answers pipelined commands out of order, interleaved, with the tag word anywhere.</summary>
public sealed class OutOfOrderRepliesTests
{
    [Fact]
    public async Task Replies_are_routed_by_tag_whatever_their_order_and_tag_position()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var router = ScriptedRouterAsync(listener);

        await using var connection = await RouterOsConnection.OpenAsync(new RouterOsEndpoint(7, "127.0.0.1", port, "admin"), "pw", CancellationToken.None);
        var replies = await connection.SendAllAsync(
            [new RouterOsCommand("/one/print"), new RouterOsCommand("/two/print"), new RouterOsCommand("/three/print")], CancellationToken.None);
        await router;

        Assert.Equal(["1a", "1b"], replies[0].Rows.Select(r => r["v"]));
        Assert.Equal("two failed", Assert.Single(replies[1].Traps).Message);
        Assert.Equal(["3a"], replies[2].Rows.Select(r => r["v"]));
        Assert.Equal("*3", replies[2].Ret);
    }

    private static async Task ScriptedRouterAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var reader = new SentenceReader(stream);
        await reader.ReadAsync(CancellationToken.None);
        await stream.WriteAsync(SentenceWriter.ToBytes(["!done"]));
        var tags = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            tags.Add(Words.FindTag((await reader.ReadAsync(CancellationToken.None))!)!);
        }

        string Tag(int i) => Words.TagPrefix + tags[i];
        string[][] script =
        [
            ["!re", Tag(2), "=v=3a"],
            ["!re", "=v=1a", Tag(0)],
            ["!trap", "=message=two failed", Tag(1)],
            ["!done", Tag(2), "=ret=*3"],
            ["!re", Tag(0), "=v=1b"],
            ["!re", ".tag=unknown", "=v=stray"],
            ["!done", Tag(1)],
            ["!done", Tag(0)],
        ];
        await stream.WriteAsync(script.SelectMany(s => SentenceWriter.ToBytes(s)).ToArray());
    }
}
