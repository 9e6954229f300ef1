using System.Globalization;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hotspot.Unifi;

/// <summary>
/// Per-router certificate checks on one shared handler: each request carries its router's policy, and the handler's
/// validation callback (HttpClientHandler's, the one that receives the request; SocketsHttpHandler's own callback
/// does not) applies it and records why it refused. Routers that share a scheme, host and port share connections,
/// so they must share TLS settings.
/// </summary>
internal static class UnifiTls
{
    private static readonly HttpRequestOptionsKey<UnifiTlsPolicy> PolicyKey = new("Hotspot.Unifi.TlsPolicy");
    private static readonly HttpRequestOptionsKey<string> FailureKey = new("Hotspot.Unifi.TlsFailure");

    public static HttpMessageHandler CreateHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = Validate,
        CheckCertificateRevocationList = true,
    };

    public static void Apply(HttpRequestMessage request, UnifiTlsPolicy policy) => request.Options.Set(PolicyKey, policy);

    public static string? FailureReason(HttpRequestMessage request) =>
        request.Options.TryGetValue(FailureKey, out var reason) ? reason : null;

    public static bool IsTlsFailure(Exception? exception) =>
        exception is HttpRequestException { InnerException: AuthenticationException };

    private static bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var policy = request.Options.TryGetValue(PolicyKey, out var p) ? p : UnifiTlsPolicy.Strict;
        var reason = policy.Check(certificate, errors);
        if (reason is not null)
        {
            request.Options.Set(FailureKey, reason);
        }

        return reason is null;
    }
}

/// <summary>How one router's certificate is judged.</summary>
internal sealed class UnifiTlsPolicy
{
    private readonly byte[]? _pin;
    private readonly bool _acceptAny;

    private UnifiTlsPolicy(byte[]? pin, bool acceptAny)
    {
        _pin = pin;
        _acceptAny = acceptAny;
    }

    public static UnifiTlsPolicy Strict { get; } = new(null, false);

    public static UnifiTlsPolicy For(UnifiRouterConnection connection)
    {
        if (connection.AcceptAnyCertificate && connection.CertificateSha256 is not null)
        {
            throw new ArgumentException("A router either pins a certificate or accepts any (lab only), not both.", nameof(connection));
        }

        return connection.CertificateSha256 is { } pin ? new UnifiTlsPolicy(ParsePin(pin), false)
            : connection.AcceptAnyCertificate ? new UnifiTlsPolicy(null, true)
            : Strict;
    }

    /// <summary>Null when accepted, else the reason in words.</summary>
    public string? Check(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (_acceptAny)
        {
            return null;
        }

        if (_pin is not null)
        {
            if (certificate is null)
            {
                return "the controller presented no certificate";
            }

            var actual = certificate.GetCertHash(HashAlgorithmName.SHA256);
            return CryptographicOperations.FixedTimeEquals(actual, _pin) ? null
                : $"the certificate's SHA-256 fingerprint {Convert.ToHexString(actual)} does not match the pinned {Convert.ToHexString(_pin)}";
        }

        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            reasons.Add("the controller presented no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add("the certificate is not issued for this host name");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            reasons.Add("the certificate is not trusted (self-signed or unknown issuer): pin its SHA-256 fingerprint");
        }

        return string.Join("; ", reasons);
    }

    /// <summary>A SHA-256 fingerprint as hex, with any ':', '-' or spaces between the pairs.</summary>
    public static byte[] ParsePin(string pin)
    {
        var hex = string.Concat(pin.Where(c => c is not (':' or '-' or ' ')));
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("A certificate pin is a SHA-256 fingerprint: 64 hex digits.", nameof(pin));
        }

        return Convert.FromHexString(hex.ToUpper(CultureInfo.InvariantCulture));
    }
}
