using System.Globalization;
using System.Threading.Channels;

namespace Hotspot.RouterOs;

/// <summary>A tagged command waiting for its replies; the connection's reader hands it every sentence carrying its tag.</summary>
internal sealed class PendingCommand
{
    private readonly List<RouterOsRow> _rows = [];
    private readonly List<RouterOsTrap> _traps = [];
    private readonly TaskCompletionSource<RouterOsResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<RouterOsRow>? _stream;
    private bool _empty;
    private bool _receivedAny;

    public PendingCommand(RouterOsCommand command, string tag, bool streamed)
    {
        Command = command;
        Tag = tag;
        if (streamed)
        {
            // Bounded: a slow reader of a large print slows the router down (TCP back-pressure) instead of filling memory.
            _stream = Channel.CreateBounded<RouterOsRow>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        }
    }

    public RouterOsCommand Command { get; }

    public string Tag { get; }

    public Task<RouterOsResponse> Completion => _completion.Task;

    public ChannelReader<RouterOsRow> Rows => _stream!.Reader;

    public bool ReceivedAny => _receivedAny;

    /// <summary>Takes one reply sentence; true when it was the last (<c>!done</c>).</summary>
    public async ValueTask<bool> AcceptAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        _receivedAny = true;
        switch (words[0])
        {
            case "!re":
                var row = RouterOsRow.FromWords(words);
                if (_stream is null)
                {
                    _rows.Add(row);
                }
                else
                {
                    try
                    {
                        await _stream.Writer.WriteAsync(row, cancellationToken);
                    }
                    catch (ChannelClosedException)
                    {
                        // The caller stopped reading; the rest of this print is dropped.
                    }
                }

                return false;
            case "!trap":
                var trap = RouterOsRow.FromWords(words);
                var category = int.TryParse(trap.Get("category"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
                _traps.Add(new RouterOsTrap(category, trap.Get("message") ?? string.Empty));
                return false;
            case "!empty":
                _empty = true;
                return false;
            case "!done":
                var response = new RouterOsResponse(Command.Path, _rows, _traps, RouterOsRow.FromWords(words), _empty);
                _stream?.Writer.TryComplete(response.Succeeded ? null : new RouterOsTrapException(Command.Path, _traps));
                _completion.TrySetResult(response);
                return true;
            default:
                return false;
        }
    }

    public void Fail(Exception exception)
    {
        _stream?.Writer.TryComplete(exception);
        _completion.TrySetException(exception);
    }

    /// <summary>Ends a streamed command whose caller stopped reading.</summary>
    public void Abandon() => _stream?.Writer.TryComplete();
}
