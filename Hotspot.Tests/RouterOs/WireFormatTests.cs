using Hotspot.RouterOs;
using Hotspot.RouterOs.Wire;

namespace Hotspot.Tests.RouterOs;

public sealed class WireFormatTests
{
    [Theory]
    [InlineData(0L, "00")]
    [InlineData(0x7FL, "7F")]
    [InlineData(0x80L, "8080")]
    [InlineData(0x3FFFL, "BFFF")]
    [InlineData(0x4000L, "C04000")]
    [InlineData(0x1FFFFFL, "DFFFFF")]
    [InlineData(0x200000L, "E0200000")]
    [InlineData(0xFFFFFFFL, "EFFFFFFF")]
    [InlineData(0x10000000L, "F010000000")]
    public void Length_prefixes_match_the_protocol_vectors_both_ways(long length, string hex)
    {
        var buffer = new byte[5];
        var written = WordLength.Encode(length, buffer);

        Assert.Equal(hex, Convert.ToHexString(buffer, 0, written));
        Assert.Equal(written, WordLength.PrefixLength(buffer[0]));
        Assert.Equal(length, WordLength.Decode(buffer.AsSpan(0, written)));
    }

    [Theory]
    [InlineData(0xF1)]
    [InlineData(0xF8)]
    [InlineData(0xFF)]
    public void Control_bytes_are_a_protocol_error(byte first) =>
        Assert.Throws<RouterOsProtocolException>(() => WordLength.PrefixLength(first));

    [Fact]
    public void A_sentence_encodes_to_the_exact_bytes()
    {
        var bytes = SentenceWriter.ToBytes(["/login", "=name=ñ"]);

        Assert.Equal("062F6C6F67696E083D6E616D653DC3B100", Convert.ToHexString(bytes));
    }

    [Fact]
    public async Task Sentences_split_into_one_byte_reads_are_reassembled()
    {
        var bytes = SentenceWriter.ToBytes(["!re", "=name=a=b", "=comment=", ".tag=7"]).Concat(SentenceWriter.ToBytes(["!done"])).ToArray();
        var reader = new SentenceReader(new TrickleStream(bytes));

        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);
        var end = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(["!re", "=name=a=b", "=comment=", ".tag=7"], first);
        Assert.Equal(["!done"], second);
        Assert.Null(end);
    }

    [Theory]
    [InlineData("=name=a=b", "name", "a=b")]
    [InlineData("=comment=", "comment", "")]
    [InlineData("=.id=*1A", ".id", "*1A")]
    [InlineData("==x", "", "x")]
    public void Attribute_words_split_at_the_second_equals_sign(string word, string name, string value)
    {
        Assert.True(Words.TryParseAttribute(word, out var n, out var v));
        Assert.Equal((name, value), (n, v));
    }

    [Fact]
    public void The_tag_is_found_wherever_it_sits() =>
        Assert.Equal("x9", Words.FindTag(["!re", ".tag=x9", "=name=a"]));

    [Fact]
    public async Task A_sentence_cut_short_is_a_protocol_error()
    {
        var bytes = SentenceWriter.ToBytes(["!re", "=name=abc"]);
        var reader = new SentenceReader(new MemoryStream(bytes[..^3]));

        await Assert.ThrowsAsync<RouterOsProtocolException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_garbage_length_asking_for_gigabytes_is_refused_not_allocated()
    {
        var reader = new SentenceReader(new MemoryStream([0xF0, 0x7F, 0xFF, 0xFF, 0xFF, 0x41]));

        await Assert.ThrowsAsync<RouterOsProtocolException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Random_bytes_and_truncations_end_in_a_protocol_error_or_a_clean_end_never_a_crash()
    {
        var random = new Random(20261122);
        var valid = SentenceWriter.ToBytes(["!re", "=name=" + new string('x', 300), ".tag=1"]);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = i % 2 == 0 ? RandomBytes(random) : valid[..random.Next(valid.Length)];
            var reader = new SentenceReader(new MemoryStream(bytes), maxWordBytes: 1 << 20);
            try
            {
                while (await reader.ReadAsync(CancellationToken.None) is not null)
                {
                }
            }
            catch (RouterOsProtocolException)
            {
            }
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Hands out one byte per read, as the worst TCP segmentation would.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
