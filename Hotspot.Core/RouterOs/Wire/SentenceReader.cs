using System.Text;

namespace Hotspot.RouterOs.Wire;

/// <summary>
/// Reads sentences from a stream, however TCP splits them. Malformed or truncated input ends in a
/// <see cref="RouterOsProtocolException"/>; a clean end of stream between sentences returns null.
/// </summary>
public sealed class SentenceReader
{
    /// <summary>Larger words are refused rather than allocated: a garbage prefix must not ask for gigabytes.</summary>
    public const int DefaultMaxWordBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly Stream _stream;
    private readonly int _maxWordBytes;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public SentenceReader(Stream stream, int maxWordBytes = DefaultMaxWordBytes)
    {
        _stream = stream;
        _maxWordBytes = maxWordBytes;
    }

    public long BytesRead { get; private set; }

    public async ValueTask<IReadOnlyList<string>?> ReadAsync(CancellationToken cancellationToken)
    {
        var words = new List<string>();
        while (true)
        {
            if (!await FillAsync(1, cancellationToken))
            {
                return words.Count == 0 ? null : throw Truncated();
            }

            var prefixLength = WordLength.PrefixLength(_buffer[_start]);
            if (!await FillAsync(prefixLength, cancellationToken))
            {
                throw Truncated();
            }

            var length = WordLength.Decode(_buffer.AsSpan(_start, prefixLength));
            _start += prefixLength;
            if (length == 0)
            {
                return words;
            }

            if (length > _maxWordBytes)
            {
                throw new RouterOsProtocolException($"a word of {length} bytes exceeds the limit of {_maxWordBytes}");
            }

            words.Add(await ReadWordAsync((int)length, cancellationToken));
        }
    }

    private async ValueTask<string> ReadWordAsync(int length, CancellationToken cancellationToken)
    {
        if (length <= _buffer.Length)
        {
            if (!await FillAsync(length, cancellationToken))
            {
                throw Truncated();
            }

            var word = Utf8.GetString(_buffer, _start, length);
            _start += length;
            return word;
        }

        var large = new byte[length];
        var buffered = _end - _start;
        Array.Copy(_buffer, _start, large, 0, buffered);
        _start = _end = 0;
        var filled = buffered;
        while (filled < length)
        {
            var read = await _stream.ReadAsync(large.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                throw Truncated();
            }

            BytesRead += read;
            filled += read;
        }

        return Utf8.GetString(large);
    }

    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (count > _buffer.Length)
            {
                Array.Resize(ref _buffer, count);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            BytesRead += read;
            _end += read;
        }

        return true;
    }

    private static RouterOsProtocolException Truncated() => new("the stream ended in the middle of a sentence") { Truncated = true };
}
