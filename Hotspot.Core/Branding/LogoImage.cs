using System.Buffers.Binary;
using System.Text;

namespace Hotspot.Branding;

/// <summary>A logo's format and size as its own bytes say; what the operator's Content-Type claims decides nothing.</summary>
public sealed record LogoImage(string ContentType, int Width, int Height)
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Webp = "image/webp";

    /// <summary>What fits one Table Storage binary property (64 KiB), the whole logo in one row.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Guests' phones decode it: a small file can still claim a huge picture.</summary>
    public const int MaxSide = 2048;

    public static readonly string[] Accepted = [Png, Jpeg, Webp];

    /// <summary>The image, or why it is refused (in words for the operator).</summary>
    public static (LogoImage? Image, string? Refusal) Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (null, "El cuerpo está vacío: envía la imagen del logo (PNG, JPEG o WebP).");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"El logo pesa {bytes.Length} bytes; el máximo es {MaxBytes} (64 KiB).");
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        var image = bytes.StartsWith(png) ? PngSize(bytes)
            : bytes.StartsWith(jpeg) ? JpegSize(bytes)
            : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? WebpSize(bytes)
            : null;
        if (image is null)
        {
            return (null, LooksLikeMarkup(bytes)
                ? "No se acepta SVG ni otro formato de texto: puede llevar código. Envía el logo como PNG, JPEG o WebP."
                : "No es una imagen PNG, JPEG o WebP válida.");
        }

        if (image.Width is < 1 or > MaxSide || image.Height is < 1 or > MaxSide)
        {
            return (null, $"El logo mide {image.Width}×{image.Height} píxeles; cada lado debe medir de 1 a {MaxSide}.");
        }

        return (image, null);
    }

    /// <summary>Whether a Content-Type header names one of the accepted formats (parameters ignored).</summary>
    public static bool IsAccepted(string? contentType) =>
        contentType?.Split(';')[0].Trim() is { } mediaType && Accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase);

    private static LogoImage? PngSize(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[12..16].SequenceEqual("IHDR"u8)
            ? new LogoImage(Png, (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b[20..]), int.MaxValue))
            : null;

    /// <summary>Walks the JPEG segments to the first start-of-frame marker, which carries the size.</summary>
    private static LogoImage? JpegSize(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            if (marker is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7)
            {
                i += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (length < 2 || i + 2 + length > b.Length)
            {
                return null;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return length >= 7
                    ? new LogoImage(Jpeg, BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]))
                    : null;
            }

            i += 2 + length;
        }

        return null;
    }

    /// <summary>The three WebP encodings: lossy (VP8), lossless (VP8L) and extended (VP8X), each with its own size fields.</summary>
    private static LogoImage? WebpSize(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30)
        {
            return null;
        }

        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
        {
            return new LogoImage(Webp, BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return new LogoImage(Webp, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            return new LogoImage(Webp, (b[24] | b[25] << 8 | b[26] << 16) + 1, (b[27] | b[28] << 8 | b[29] << 16) + 1);
        }

        return null;
    }

    /// <summary>Text that starts like XML or HTML (an SVG, a page): the kind of file that can carry script.</summary>
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> bytes)
    {
        var start = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith('<');
    }
}
