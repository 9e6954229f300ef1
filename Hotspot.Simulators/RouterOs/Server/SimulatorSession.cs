using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using Hotspot.RouterOs;
using Hotspot.RouterOs.Wire;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// One API connection: reads commands in order, applies them to the router state, and queues the tagged replies.
/// A separate writer sends each reply when its injected latency has passed, so pipelined commands overlap as on a network.
/// </summary>
internal sealed class SimulatorSession(RouterOsSimulator simulator, Stream stream, int id)
{
    private static readonly List<List<string>> Interrupted = [["!trap", "=category=2", "=message=interrupted"], ["!done"]];
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Outgoing> _queuedByTag = new(StringComparer.Ordinal);
    private bool _loggedIn;
    private byte[]? _challenge;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var writer = WriteLoopAsync(cancellationToken);
        try
        {
            await ReadLoopAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RouterOsProtocolException or IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A client sending garbage, or gone: a router just drops the connection.
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            await writer;
            await stream.DisposeAsync();
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var reader = new SentenceReader(stream);
        while (await reader.ReadAsync(cancellationToken) is { } words)
        {
            if (words.Count == 0)
            {
                continue;
            }

            simulator.Sentences.Add(id, simulator.Clock.Now, words);
            var faults = simulator.Faults;
            if (faults.Silent)
            {
                continue;
            }

            var tag = Words.FindTag(words);
            var command = words.Where(w => !w.StartsWith(Words.TagPrefix, StringComparison.Ordinal)).ToList();
            var fatal = faults.TakeFatal() ?? (!_loggedIn && command[0] != "/login" ? "not logged in" : null) ?? (command[0] == "/quit" ? "session terminated on request" : null);
            var outgoing = new Outgoing(fatal is null ? tag : null, fatal is null ? Answer(command).Sentences : [["!fatal", fatal]],
                Stopwatch.GetTimestamp() + (long)(faults.NextDelay().TotalSeconds * Stopwatch.Frequency))
            {
                Close = fatal is not null,
                DropMidReply = faults.TakeDropMidReply(),
                Garbage = faults.TakeGarbage(),
            };
            if (outgoing.Tag is { } t)
            {
                _queuedByTag[t] = outgoing;
            }

            await _outgoing.Writer.WriteAsync(outgoing, cancellationToken);
            if (outgoing.Close || outgoing.DropMidReply)
            {
                return;
            }
        }
    }

    private Replies Answer(List<string> command) => command[0] switch
    {
        "/login" => Login(Arguments(command)),
        "/cancel" => Cancel(Arguments(command)),
        _ => simulator.State.Execute(command),
    };

    private Replies Login(Dictionary<string, string> args)
    {
        var version = simulator.State.Version;
        var options = simulator.Options;
        var refusal = version.IsAtLeast(6, 43) ? "invalid user name or password (6)" : "cannot log in";
        bool accepted;
        if (args.TryGetValue("response", out var response))
        {
            accepted = _challenge is not null && !version.IsAtLeast(6, 45) && args.GetValueOrDefault("name") == options.User
                && response == RouterOsLoginResponse(options.Password, _challenge);
        }
        else if (version.IsAtLeast(6, 43) && args.TryGetValue("password", out var password))
        {
            accepted = args.GetValueOrDefault("name") == options.User && password == options.Password;
        }
        else
        {
            _challenge = RandomNumberGenerator.GetBytes(16);
            return Replies.Done(Convert.ToHexStringLower(_challenge));
        }

        if (!accepted)
        {
            return Replies.Trap(refusal);
        }

        if (!options.ApiPolicy)
        {
            return Replies.Trap("not enough permissions (9)");
        }

        _loggedIn = true;
        return Replies.Done();
    }

    private Replies Cancel(Dictionary<string, string> args)
    {
        var targets = args.TryGetValue("tag", out var tag)
            ? _queuedByTag.TryGetValue(tag, out var one) ? [one] : []
            : _queuedByTag.Values.ToList();
        foreach (var target in targets)
        {
            target.Cancelled = true;
        }

        return Replies.Done();
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var outgoing in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), outgoing.Due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                if (outgoing.Tag is { } tag)
                {
                    _queuedByTag.TryRemove(tag, out _);
                }

                var bytes = Encode(outgoing.Cancelled ? Interrupted : outgoing.Sentences, outgoing.Tag);
                if (outgoing.Garbage)
                {
                    bytes = [0xF8, 0xFF, 0x07, 0x13, .. bytes];
                }

                if (outgoing.DropMidReply)
                {
                    await stream.WriteAsync(bytes.AsMemory(0, Math.Max(1, bytes.Length / 2)), cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    return;
                }

                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                if (outgoing.Close)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away; the read side ends too.
        }
        finally
        {
            // Closing here also ends the read loop of a connection the writer has given up on.
            stream.Close();
        }
    }

    private static byte[] Encode(List<List<string>> sentences, string? tag)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var sentence in sentences)
        {
            SentenceWriter.Write(tag is null ? sentence : [.. sentence, Words.TagPrefix + tag], buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static Dictionary<string, string> Arguments(List<string> command)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in command.Skip(1))
        {
            if (Words.TryParseAttribute(word, out var name, out var value))
            {
                args[name] = value;
            }
        }

        return args;
    }

    private static string RouterOsLoginResponse(string password, byte[] challenge) =>
        RouterOsLogin.ChallengeResponse(password, Convert.ToHexString(challenge));

    private sealed class Outgoing(string? tag, List<List<string>> sentences, long due)
    {
        public string? Tag { get; } = tag;

        public List<List<string>> Sentences { get; } = sentences;

        public long Due { get; } = due;

        public bool Close { get; init; }

        public bool DropMidReply { get; init; }

        public bool Garbage { get; init; }

        public volatile bool Cancelled;
    }
}
