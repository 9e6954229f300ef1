using System.Buffers.Binary;

namespace Hotspot.RouterOs.Wire;

/// <summary>The length prefix of a RouterOS API word: five big-endian forms; first bytes 0xF1 to 0xFF are control bytes.</summary>
public static class WordLength
{
    public const int MaxPrefixLength = 5;

    /// <summary>How many bytes the prefix takes, read from its first byte.</summary>
    /// <exception cref="RouterOsProtocolException">A control or reserved first byte.</exception>
    public static int PrefixLength(byte first) => first switch
    {
        < 0x80 => 1,
        < 0xC0 => 2,
        < 0xE0 => 3,
        < 0xF0 => 4,
        0xF0 => 5,
        _ => throw new RouterOsProtocolException($"control byte 0x{first:X2} where a word length was expected"),
    };

    /// <summary>Decodes a whole prefix (its length given by <see cref="PrefixLength"/>).</summary>
    public static long Decode(ReadOnlySpan<byte> prefix) => prefix.Length switch
    {
        1 => prefix[0],
        2 => ((prefix[0] & 0x3F) << 8) | prefix[1],
        3 => ((prefix[0] & 0x1F) << 16) | (prefix[1] << 8) | prefix[2],
        4 => ((prefix[0] & 0x0F) << 24) | (prefix[1] << 16) | (prefix[2] << 8) | prefix[3],
        5 => BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]),
        _ => throw new ArgumentOutOfRangeException(nameof(prefix)),
    };

    /// <summary>Writes the prefix for <paramref name="length"/> and returns how many bytes it took.</summary>
    public static int Encode(long length, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, uint.MaxValue);
        switch (length)
        {
            case < 0x80:
                destination[0] = (byte)length;
                return 1;
            case < 0x4000:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(length | 0x8000));
                return 2;
            case < 0x200000:
                destination[0] = (byte)((length >> 16) | 0xC0);
                destination[1] = (byte)(length >> 8);
                destination[2] = (byte)length;
                return 3;
            case < 0x10000000:
                BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)length | 0xE0000000);
                return 4;
            default:
                destination[0] = 0xF0;
                BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
                return 5;
        }
    }
}
