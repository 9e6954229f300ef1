using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hotspot.RouterOs;

/// <summary>Opens the TCP (and, for API-SSL, TLS) stream to a router and says in words why it could not.</summary>
internal static class RouterOsTransport
{
    public static async Task<(TcpClient Tcp, Stream Stream)> OpenAsync(RouterOsEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(endpoint.ConnectTimeout);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            Stream stream = tcp.GetStream();
            if (endpoint.Tls is { } tls)
            {
                stream = await AuthenticateAsync(endpoint, tls, stream, timeout.Token);
            }

            return (tcp, stream);
        }
        catch (Exception exception)
        {
            tcp.Dispose();
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw exception switch
            {
                RouterOsConnectionException known => known,
                OperationCanceledException => Failed(endpoint, RouterOsFailure.TimedOut, $"no connection within {endpoint.ConnectTimeout.TotalSeconds:0.#} s", exception),
                SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
                    Failed(endpoint, RouterOsFailure.Refused, "connection refused (is the API service enabled on this port?)", exception),
                SocketException socket => Failed(endpoint, RouterOsFailure.Unreachable, $"unreachable: {socket.SocketErrorCode}", exception),
                IOException when endpoint.Tls is not null => Failed(endpoint, RouterOsFailure.Tls, "the TLS handshake failed (is this the API-SSL port, with a certificate set?)", exception),
                _ => exception,
            };
        }
    }

    private static async Task<Stream> AuthenticateAsync(RouterOsEndpoint endpoint, RouterOsTlsOptions tls, Stream inner, CancellationToken cancellationToken)
    {
        string? rejection = null;
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, (_, certificate, _, errors) =>
        {
            rejection = CertificateRejection(tls, certificate, errors);
            return rejection is null;
        });
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = tls.TargetHost ?? endpoint.Host }, cancellationToken);
            return ssl;
        }
        catch (AuthenticationException exception)
        {
            await ssl.DisposeAsync();
            throw Failed(endpoint, RouterOsFailure.Tls, rejection ?? $"TLS handshake failed: {exception.Message}", exception);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    /// <summary>Null when the certificate is accepted, else the reason.</summary>
    internal static string? CertificateRejection(RouterOsTlsOptions tls, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (tls.AcceptAnyCertificate)
        {
            return null;
        }

        if (certificate is null)
        {
            return "the router sent no certificate";
        }

        if (tls.PinnedSha256 is { } pin)
        {
            var actual = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
            var expected = pin.Replace(":", string.Empty, StringComparison.Ordinal).Trim();
            return string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"certificate pin mismatch: expected SHA-256 {expected.ToUpperInvariant()}, the router presented {actual}";
        }

        return errors == SslPolicyErrors.None ? null : $"certificate not trusted ({errors}); pin its SHA-256 or install a trusted certificate";
    }

    internal static RouterOsConnectionException Failed(RouterOsEndpoint endpoint, RouterOsFailure failure, string what, Exception? inner = null) =>
        new(failure, $"{endpoint.Name}: {what}", inner) { Router = endpoint.Name };
}
