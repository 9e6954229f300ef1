using System.Globalization;
using System.Text;

namespace Hotspot.Reconnect;

/// <summary>
/// The markers a RANDMAC user carries in its <c>comment</c>: <c>MODE=RANDMAC TL=&lt;seconds&gt; TA=&lt;seconds&gt;</c>,
/// where TL is the time bought (0: unlimited) and TA the time already used by devices that are gone. Optional
/// <c>LS=&lt;unix seconds&gt;</c>, on clones only, is when the sweeper last saw the clone in use (or first saw it idle).
/// Only the sweeper writes comments after a clone is made, so no two writers race on the base's TA. The sweeper's
/// <c>FOLD=&lt;slot&gt;:&lt;seconds&gt;,...</c> on a base names clones whose time is already in TA but that may still exist
/// (a sweep stopped half-way): they are removed without being counted again. Other words are kept.
/// </summary>
public sealed record RandmacMarkers(long TimeLimitSeconds, long TimeAccumulatedSeconds, DateTimeOffset? LastSeen, string OtherText)
{
    public bool IsLimited => TimeLimitSeconds > 0;

    /// <summary>The raw FOLD value: <c>slot:seconds</c> pairs, comma-separated; empty when none.</summary>
    public string PendingFolds { get; init; } = "";

    public IReadOnlyList<(int Slot, long Seconds)> Folds() =>
        PendingFolds.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':'))
            .Where(parts => parts.Length == 2 && TryParseSeconds(parts[0], out _) && TryParseSeconds(parts[1], out _))
            .Select(parts => (int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToList();

    public RandmacMarkers WithFolds(IEnumerable<(int Slot, long Seconds)> folds) =>
        this with { PendingFolds = string.Join(',', folds.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Slot}:{f.Seconds}"))) };

    public static RandmacMarkers? Parse(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        string? mode = null;
        long limit = 0, accumulated = 0;
        DateTimeOffset? lastSeen = null;
        var folds = "";
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
                case "FOLD":
                    folds = value;
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
            ? new RandmacMarkers(limit, accumulated, lastSeen, string.Join(' ', other)) { PendingFolds = folds }
            : null;
    }

    public string ToComment()
    {
        var text = new StringBuilder(64).Append(CultureInfo.InvariantCulture, $"MODE=RANDMAC TL={TimeLimitSeconds} TA={TimeAccumulatedSeconds}");
        if (LastSeen is { } seen)
        {
            text.Append(CultureInfo.InvariantCulture, $" LS={seen.ToUnixTimeSeconds()}");
        }

        if (PendingFolds.Length > 0)
        {
            text.Append(" FOLD=").Append(PendingFolds);
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
