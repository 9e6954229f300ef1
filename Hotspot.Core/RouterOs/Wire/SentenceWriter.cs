using System.Buffers;
using System.Text;

namespace Hotspot.RouterOs.Wire;

/// <summary>Encodes sentences: each word as length prefix + UTF-8 bytes, then the zero-length word.</summary>
public static class SentenceWriter
{
    public static void Write(IReadOnlyList<string> words, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var word in words)
        {
            var byteCount = Encoding.UTF8.GetByteCount(word);
            var span = output.GetSpan(WordLength.MaxPrefixLength + byteCount);
            var prefix = WordLength.Encode(byteCount, span);
            Encoding.UTF8.GetBytes(word, span[prefix..]);
            output.Advance(prefix + byteCount);
        }

        output.GetSpan(1)[0] = 0;
        output.Advance(1);
    }

    public static byte[] ToBytes(IReadOnlyList<string> words)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(words, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
