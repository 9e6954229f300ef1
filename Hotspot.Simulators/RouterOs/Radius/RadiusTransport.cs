using System.Net;
using System.Net.Sockets;

namespace Hotspot.Simulators.RouterOs.Radius;

/// <summary>
/// Sends one request and waits for its answer as a RouterOS RADIUS client does: the same bytes again (same identifier
/// and authenticator, from the same source port) after each timeout, up to the attempts allowed. An answer that is not
/// for this request (wrong identifier, bad authenticator, or unsigned where Message-Authenticator is required) is
/// dropped and counted as a bad reply, as <c>/radius monitor</c> counts it.
/// </summary>
internal sealed class RadiusTransport(RadiusMonitor monitor)
{
    /// <summary>The verified answer and whether it was signed, or null after the last attempt timed out.</summary>
    public async Task<(RadiusPacket Reply, bool Signed)?> ExchangeAsync(
        byte[] request, byte[] requestAuthenticator, IPEndPoint server, RadiusClientSettings settings, bool requireSigned, CancellationToken cancellationToken)
    {
        using var socket = new UdpClient(server.AddressFamily);
        socket.Connect(server);
        monitor.Requested();
        for (var attempt = 0; attempt < settings.Attempts; attempt++)
        {
            if (attempt > 0)
            {
                monitor.Resent();
            }

            await socket.SendAsync(request, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(settings.Timeout);
            try
            {
                while (true)
                {
                    var received = await socket.ReceiveAsync(wait.Token);
                    if (RadiusPacket.Decode(received.Buffer) is { } reply && reply.Identifier == request[1]
                        && RadiusPacket.VerifyReply(received.Buffer, requestAuthenticator, settings.Secret, out var signed)
                        && (signed || !requireSigned))
                    {
                        return (reply, signed);
                    }

                    monitor.BadReply();
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No answer within the timeout: send it again.
            }
            catch (SocketException)
            {
                // ICMP port unreachable (nothing listens): the router waits out the timeout the same way.
                await Task.Delay(settings.Timeout, cancellationToken);
            }
        }

        monitor.TimedOut();
        return null;
    }
}
