using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Simulators.RouterOs.Radius;

#pragma warning disable CA5351 // RADIUS (RFC 2865/2866/2869) is defined with MD5 and HMAC-MD5; this is what servers check.

/// <summary>
/// One RADIUS packet as it goes on the wire (RFC 2865 §3): code, identifier, authenticator and attributes. Builds the
/// requests a MikroTik hotspot sends (Access-Request with a random Request Authenticator, Accounting-Request with the
/// RFC 2866 one) and checks a server's answer: the Response Authenticator and, when present, Message-Authenticator
/// (RFC 2869 §5.14).
/// </summary>
internal sealed class RadiusPacket
{
    public const int HeaderLength = 20;
    public const int MaxLength = 4096;
    private const int AuthenticatorLength = 16;

    public RadiusPacket(RadiusCode code, byte identifier, byte[] authenticator, IReadOnlyList<RadiusAttribute> attributes)
    {
        Code = code;
        Identifier = identifier;
        Authenticator = authenticator;
        Attributes = attributes;
    }

    public RadiusCode Code { get; }

    public byte Identifier { get; }

    public byte[] Authenticator { get; }

    public IReadOnlyList<RadiusAttribute> Attributes { get; }

    /// <summary>An Access-Request: User-Password (if any) hidden with the secret, Message-Authenticator signed last.</summary>
    public static byte[] AccessRequest(byte identifier, string secret, IEnumerable<RadiusAttribute> attributes, string? userPassword, out byte[] requestAuthenticator)
    {
        requestAuthenticator = RandomNumberGenerator.GetBytes(AuthenticatorLength);
        var list = new List<RadiusAttribute>();
        if (userPassword is not null)
        {
            list.Add(new RadiusAttribute(RadiusAttributeType.UserPassword, HidePassword(userPassword, secret, requestAuthenticator)));
        }

        list.AddRange(attributes);
        list.Add(new RadiusAttribute(RadiusAttributeType.MessageAuthenticator, new byte[AuthenticatorLength]));
        var packet = Encode(RadiusCode.AccessRequest, identifier, requestAuthenticator, list);
        SignMessageAuthenticator(packet, secret);
        return packet;
    }

    /// <summary>An Accounting-Request: its authenticator is MD5 over the packet with a zero authenticator and the secret.</summary>
    public static byte[] AccountingRequest(byte identifier, string secret, IEnumerable<RadiusAttribute> attributes)
    {
        var packet = Encode(RadiusCode.AccountingRequest, identifier, new byte[AuthenticatorLength], [.. attributes]);
        var authenticator = MD5.HashData([.. packet, .. Encoding.UTF8.GetBytes(secret)]);
        authenticator.CopyTo(packet, 4);
        return packet;
    }

    /// <summary>The packet, or null when the bytes are not a well-formed RADIUS packet.</summary>
    public static RadiusPacket? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        if (length < HeaderLength || length > bytes.Length || length > MaxLength)
        {
            return null;
        }

        var attributes = new List<RadiusAttribute>();
        for (var offset = HeaderLength; offset < length;)
        {
            if (offset + 2 > length || bytes[offset + 1] < 2 || offset + bytes[offset + 1] > length)
            {
                return null;
            }

            attributes.Add(new RadiusAttribute((RadiusAttributeType)bytes[offset], bytes.Slice(offset + 2, bytes[offset + 1] - 2).ToArray()));
            offset += bytes[offset + 1];
        }

        return new RadiusPacket((RadiusCode)bytes[0], bytes[1], bytes.Slice(4, AuthenticatorLength).ToArray(), attributes);
    }

    /// <summary>
    /// Whether <paramref name="reply"/> (its bytes) is the server's answer to the request with this authenticator: its
    /// Response Authenticator, and its Message-Authenticator when it carries one. <paramref name="signed"/> tells whether it did.
    /// </summary>
    public static bool VerifyReply(ReadOnlySpan<byte> reply, byte[] requestAuthenticator, string secret, out bool signed)
    {
        signed = false;
        var copy = reply[..BinaryPrimitives.ReadUInt16BigEndian(reply[2..])].ToArray();
        var claimed = copy.AsSpan(4, AuthenticatorLength).ToArray();
        requestAuthenticator.CopyTo(copy, 4);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        if (!CryptographicOperations.FixedTimeEquals(claimed, MD5.HashData([.. copy, .. secretBytes])))
        {
            return false;
        }

        if (MessageAuthenticatorOffset(copy) is not { } offset)
        {
            return true;
        }

        var sent = copy.AsSpan(offset, AuthenticatorLength).ToArray();
        copy.AsSpan(offset, AuthenticatorLength).Clear();
        signed = CryptographicOperations.FixedTimeEquals(sent, HMACMD5.HashData(secretBytes, copy));
        return signed;
    }

    public byte[]? Value(RadiusAttributeType type) => Attributes.FirstOrDefault(a => a.Type == type)?.Value;

    public string? Text(RadiusAttributeType type) => Value(type) is { } value ? Encoding.UTF8.GetString(value) : null;

    public uint? Integer(RadiusAttributeType type) => Value(type) is { Length: 4 } value ? BinaryPrimitives.ReadUInt32BigEndian(value) : null;

    /// <summary>A MikroTik vendor-specific attribute's value (Vendor-Id 14988, RFC 2865 §5.26 layout).</summary>
    public byte[]? Mikrotik(MikrotikAttributeType type)
    {
        foreach (var attribute in Attributes.Where(a => a.Type == RadiusAttributeType.VendorSpecific && a.Value.Length >= 6))
        {
            var value = attribute.Value;
            if (BinaryPrimitives.ReadUInt32BigEndian(value) == RadiusAttribute.MikrotikVendorId && value[4] == (byte)type && value[5] >= 2 && 4 + value[5] <= value.Length)
            {
                return value[6..(4 + value[5])];
            }
        }

        return null;
    }

    private static byte[] Encode(RadiusCode code, byte identifier, byte[] authenticator, IReadOnlyList<RadiusAttribute> attributes)
    {
        var length = HeaderLength + attributes.Sum(a => 2 + a.Value.Length);
        if (length > MaxLength || attributes.Any(a => a.Value.Length > 253))
        {
            throw new ArgumentException("A RADIUS packet holds attributes of up to 253 bytes and 4096 bytes in all.", nameof(attributes));
        }

        var packet = new byte[length];
        packet[0] = (byte)code;
        packet[1] = identifier;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)length);
        authenticator.CopyTo(packet, 4);
        var offset = HeaderLength;
        foreach (var attribute in attributes)
        {
            packet[offset] = (byte)attribute.Type;
            packet[offset + 1] = (byte)(2 + attribute.Value.Length);
            attribute.Value.CopyTo(packet, offset + 2);
            offset += 2 + attribute.Value.Length;
        }

        return packet;
    }

    private static void SignMessageAuthenticator(byte[] packet, string secret)
    {
        var offset = MessageAuthenticatorOffset(packet)!.Value;
        HMACMD5.HashData(Encoding.UTF8.GetBytes(secret), packet).CopyTo(packet, offset);
    }

    private static int? MessageAuthenticatorOffset(byte[] packet)
    {
        for (var offset = HeaderLength; offset + 2 <= packet.Length && packet[offset + 1] >= 2; offset += packet[offset + 1])
        {
            if (packet[offset] == (byte)RadiusAttributeType.MessageAuthenticator && packet[offset + 1] == 2 + AuthenticatorLength)
            {
                return offset + 2;
            }
        }

        return null;
    }

    // RFC 2865 §5.2: the password padded to 16-byte blocks, each XORed with MD5(secret + previous block).
    private static byte[] HidePassword(string password, string secret, byte[] requestAuthenticator)
    {
        var plain = Encoding.UTF8.GetBytes(password);
        var padded = new byte[Math.Max(16, (plain.Length + 15) / 16 * 16)];
        plain.CopyTo(padded, 0);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var previous = requestAuthenticator;
        for (var block = 0; block < padded.Length; block += 16)
        {
            var mask = MD5.HashData([.. secretBytes, .. previous]);
            for (var i = 0; i < 16; i++)
            {
                padded[block + i] ^= mask[i];
            }

            previous = padded[block..(block + 16)];
        }

        return padded;
    }
}
