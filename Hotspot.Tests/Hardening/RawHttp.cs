using System.Net.Sockets;
using System.Text;

namespace Hotspot.Tests.Hardening;

/// <summary>
/// HTTP/1.1 written by hand on a TCP connection, for what HttpClient will not send: a body that stops arriving, broken
/// chunk framing, a client that hangs up mid-body.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="head"/> (request line and headers, without the blank line) and <paramref name="body"/>, then waits for the status line.</summary>
    /// <returns>The status code the server answered, or null when it closed without answering.</returns>
    public static async Task<int?> SendAsync(Uri server, string head, byte[] body, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + $"\r\nHost: {server.Authority}\r\n\r\n"), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return await ReadStatusAsync(stream, cancellationToken);
    }

    /// <summary>Sends the head and the start of a body, then closes the connection without reading an answer.</summary>
    public static async Task HangUpMidBodyAsync(Uri server, string head, byte[] partialBody, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + $"\r\nHost: {server.Authority}\r\n\r\n"), cancellationToken);
        await stream.WriteAsync(partialBody, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        tcp.Client.LingerState = new LingerOption(true, 0);
    }

    private static async Task<int?> ReadStatusAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (!received.Contains((byte)'\n'))
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        // "HTTP/1.1 408 Request Timeout"
        var statusLine = Encoding.ASCII.GetString([.. received]).Split('\n')[0];
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
