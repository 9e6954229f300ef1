using System.Globalization;
using System.Text;

namespace Hotspot.Reconnect;

/// <summary>
/// The markers a RANDMAC user carries in its <c>comment</c>: <c>MODE=RANDMAC TL=&lt;seconds&gt; TA=&lt;seconds&gt;</c>,
/// where TL is the time bought (0: unlimited) and TA the time already used by devices that are gone. Optional
/// <c>FS=&lt;unix seconds&gt;</c> records the first session. Other words in the comment are kept as they are.
/// </summary>
public sealed record RandmacMarkers(long TimeLimitSeconds, long TimeAccumulatedSeconds, DateTimeOffset? FirstSession, string OtherText)
{
    public bool IsLimited => TimeLimitSeconds > 0;

    public static RandmacMarkers? Parse(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        string? mode = null;
        long limit = 0, accumulated = 0;
        DateTimeOffset? first = null;
        var other = new List<string>();
        foreach (var word in comment.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = word.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = separator > 0 ? (word[..separator], word[(separator + 1)..]) : (word, "");
            switch (key)
            {
                case "MODE":
                    mode = value;
                    break;
                case "TL" when TryParseSeconds(value, out var tl):
                    limit = tl;
                    break;
                case "TA" when TryParseSeconds(value, out var ta):
                    accumulated = ta;
                    break;
                case "FS" when TryParseSeconds(value, out var fs):
                    first = DateTimeOffset.FromUnixTimeSeconds(fs);
                    break;
                default:
                    other.Add(word);
                    break;
            }
        }

        return string.Equals(mode, "RANDMAC", StringComparison.OrdinalIgnoreCase)
            ? new RandmacMarkers(limit, accumulated, first, string.Join(' ', other))
            : null;
    }

    public string ToComment()
    {
        var text = new StringBuilder(64).Append(CultureInfo.InvariantCulture, $"MODE=RANDMAC TL={TimeLimitSeconds} TA={TimeAccumulatedSeconds}");
        if (FirstSession is { } first)
        {
            text.Append(CultureInfo.InvariantCulture, $" FS={first.ToUnixTimeSeconds()}");
        }

        if (OtherText.Length > 0)
        {
            text.Append(' ').Append(OtherText);
        }

        return text.ToString();
    }

    private static bool TryParseSeconds(string value, out long seconds) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
}
