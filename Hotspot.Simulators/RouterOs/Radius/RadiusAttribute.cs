using System.Buffers.Binary;
using System.Text;

namespace Hotspot.Simulators.RouterOs.Radius;

internal enum RadiusCode : byte
{
    AccessRequest = 1,
    AccessAccept = 2,
    AccessReject = 3,
    AccountingRequest = 4,
    AccountingResponse = 5,
}

/// <summary>The standard attributes a MikroTik hotspot sends or honours (RFC 2865, 2866, 2869).</summary>
internal enum RadiusAttributeType : byte
{
    UserName = 1,
    UserPassword = 2,
    ChapPassword = 3,
    NasIpAddress = 4,
    NasPort = 5,
    FramedIpAddress = 8,
    ReplyMessage = 18,
    Class = 25,
    VendorSpecific = 26,
    SessionTimeout = 27,
    IdleTimeout = 28,
    CalledStationId = 30,
    CallingStationId = 31,
    NasIdentifier = 32,
    AcctStatusType = 40,
    AcctDelayTime = 41,
    AcctInputOctets = 42,
    AcctOutputOctets = 43,
    AcctSessionId = 44,
    AcctSessionTime = 46,
    AcctInputPackets = 47,
    AcctOutputPackets = 48,
    AcctTerminateCause = 49,
    AcctInputGigawords = 52,
    AcctOutputGigawords = 53,
    EventTimestamp = 55,
    ChapChallenge = 60,
    NasPortType = 61,
    MessageAuthenticator = 80,
    AcctInterimInterval = 85,
    NasPortId = 87,
}

/// <summary>MikroTik's vendor-specific attributes (dictionary.mikrotik, Vendor-Id 14988).</summary>
internal enum MikrotikAttributeType : byte
{
    RecvLimit = 1,
    XmitLimit = 2,
    Group = 3,
    RateLimit = 8,
    HostIp = 10,
    RecvLimitGigawords = 14,
    XmitLimitGigawords = 15,
    TotalLimit = 17,
    TotalLimitGigawords = 18,
}

internal sealed record RadiusAttribute(RadiusAttributeType Type, byte[] Value)
{
    public const uint MikrotikVendorId = 14988;

    public static RadiusAttribute Text(RadiusAttributeType type, string value) => new(type, Encoding.UTF8.GetBytes(value));

    public static RadiusAttribute Integer(RadiusAttributeType type, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new RadiusAttribute(type, bytes);
    }

    public static RadiusAttribute Address(RadiusAttributeType type, System.Net.IPAddress address) => new(type, address.MapToIPv4().GetAddressBytes());

    public static RadiusAttribute Mikrotik(MikrotikAttributeType type, byte[] value)
    {
        var bytes = new byte[6 + value.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, MikrotikVendorId);
        bytes[4] = (byte)type;
        bytes[5] = (byte)(2 + value.Length);
        value.CopyTo(bytes, 6);
        return new RadiusAttribute(RadiusAttributeType.VendorSpecific, bytes);
    }
}
