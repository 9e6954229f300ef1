namespace Hotspot.Simulators.RouterOs;

/// <summary>A sentence the simulator received: which connection, when (simulator clock), and its words.</summary>
public sealed record ReceivedSentence(int Connection, DateTimeOffset At, IReadOnlyList<string> Words);

/// <summary>Every sentence received, in order. Login secrets are masked: the record is shown over the control port.</summary>
public sealed class SentenceLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedSentence> _sentences = [];

    public IReadOnlyList<ReceivedSentence> All()
    {
        lock (_gate)
        {
            return [.. _sentences];
        }
    }

    internal void Add(int connection, DateTimeOffset at, IReadOnlyList<string> words)
    {
        IReadOnlyList<string> recorded = words.Count > 0 && words[0] == "/login"
            ? [.. words.Select(w => w.StartsWith("=password=", StringComparison.Ordinal) || w.StartsWith("=response=", StringComparison.Ordinal) ? w[..(w.IndexOf('=', 1) + 1)] + "***" : w)]
            : words;
        lock (_gate)
        {
            _sentences.Add(new ReceivedSentence(connection, at, recorded));
        }
    }
}
