using System.Globalization;
using System.Text;

namespace Hotspot.Reconnect;

/// <summary>
/// The markers a RANDMAC user carries in its <c>comment</c>: <c>MODE=RANDMAC TL=&lt;seconds&gt; TA=&lt;seconds&gt;</c>,
/// where TL is the time bought (0: unlimited) and TA the time already used by devices that are gone. Optional
/// <c>LS=&lt;unix seconds&gt;</c>, on clones only, is when the sweeper last saw the clone in use (or first saw it idle).
/// Only the sweeper writes comments after a clone is made, so no two writers race on the base's TA. Other words are kept.
/// </summary>
public sealed record RandmacMarkers(long TimeLimitSeconds, long TimeAccumulatedSeconds, DateTimeOffset? LastSeen, string OtherText)
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
        DateTimeOffset? lastSeen = null;
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
                case "LS" when TryParseSeconds(value, out var ls):
                    lastSeen = DateTimeOffset.FromUnixTimeSeconds(ls);
                    break;
                default:
                    other.Add(word);
                    break;
            }
        }

        return string.Equals(mode, "RANDMAC", StringComparison.OrdinalIgnoreCase)
            ? new RandmacMarkers(limit, accumulated, lastSeen, string.Join(' ', other))
            : null;
    }

    public string ToComment()
    {
        var text = new StringBuilder(64).Append(CultureInfo.InvariantCulture, $"MODE=RANDMAC TL={TimeLimitSeconds} TA={TimeAccumulatedSeconds}");
        if (LastSeen is { } seen)
        {
            text.Append(CultureInfo.InvariantCulture, $" LS={seen.ToUnixTimeSeconds()}");
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
