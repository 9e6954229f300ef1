using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;

namespace Hotspot.Simulators.RouterOs.Radius;

/// <summary>
/// The simulated hotspot as a RADIUS client, as a MikroTik one with <c>use-radius=yes</c>: an Access-Request for each
/// login of a user the router does not have locally (PAP or CHAP, Calling-Station-Id in the profile's MAC format,
/// NAS-Identifier = <c>/system identity</c>, Message-Authenticator), a session shaped by the Access-Accept, and
/// Accounting Start, Interim-Update and Stop, each retransmitted until answered.
/// </summary>
public sealed class HotspotRadiusClient : IAsyncDisposable
{
    private const uint NasPortTypeWireless = 19;
    private const uint Start = 1;
    private const uint Stop = 2;
    private const uint InterimUpdate = 3;

    private readonly RouterState _state;
    private readonly RadiusTransport _transport;
    private readonly Channel<(RadiusUse Use, uint Status)> _accounting = Channel.CreateUnbounded<(RadiusUse, uint)>();
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly ConcurrentDictionary<long, Task> _interimTimers = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private long _nextSend;
    private int _identifier;
    private int _unanswered;

    public HotspotRadiusClient(RouterState state, RadiusClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(settings);
        _state = state;
        Settings = settings;
        _transport = new RadiusTransport(Monitor);
        state.RadiusSessionEnded = use => Queue(use, Stop);
        _pump = PumpAsync();
    }

    public RadiusClientSettings Settings { get; }

    public RadiusMonitor Monitor { get; } = new();

    /// <summary>RouterOS 7.15+ requires Message-Authenticator in replies unless told otherwise; older ones ignore it.</summary>
    public bool RequiresSignedReplies => Settings.RequireMessageAuthenticator ?? _state.Version.IsAtLeast(7, 15);

    /// <summary>Asks the server, and on Access-Accept opens the session and sends its accounting Start.</summary>
    internal async Task<RadiusLoginOutcome> LoginAsync(RadiusCredential credential, string macAddress, string address, string loginBy, CancellationToken cancellationToken)
    {
        var sessionId = _state.NextAcctSessionId();
        var identifier = NextIdentifier();
        var attributes = new List<RadiusAttribute> { RadiusAttribute.Text(RadiusAttributeType.UserName, credential.UserName) };
        if (credential.ChapResponse is { } response)
        {
            attributes.Add(new RadiusAttribute(RadiusAttributeType.ChapPassword, [credential.ChapId, .. response]));
            attributes.Add(new RadiusAttribute(RadiusAttributeType.ChapChallenge, credential.ChapChallenge!));
        }

        attributes.AddRange(SessionAttributes(sessionId, macAddress, address));
        var request = RadiusPacket.AccessRequest(identifier, Settings.Secret, attributes, credential.ChapResponse is null ? credential.Password ?? string.Empty : null, out var authenticator);
        var answer = await _transport.ExchangeAsync(request, authenticator, new IPEndPoint(Settings.Address, Settings.AuthenticationPort), Settings, RequiresSignedReplies, cancellationToken);
        switch (answer?.Reply.Code)
        {
            case RadiusCode.AccessAccept:
                Monitor.Accepted();
                var (refusal, started) = _state.StartRadiusSession(macAddress, sessionId, credential, loginBy, GrantOf(answer.Value.Reply));
                if (started is not null)
                {
                    Queue(started, Start);
                    if (Settings.TimedInterimUpdates && GrantOf(answer.Value.Reply).InterimInterval is { } every)
                    {
                        var key = Interlocked.Increment(ref _nextSend);
                        _interimTimers[key] = InterimEveryAsync(sessionId, every, key);
                    }
                }

                return RadiusLoginOutcome.Session(refusal);
            case RadiusCode.AccessReject:
                Monitor.Rejected();
                return RadiusLoginOutcome.Rejected(answer.Value.Reply.Text(RadiusAttributeType.ReplyMessage));
            default:
                return RadiusLoginOutcome.NoAnswer;
        }
    }

    /// <summary>An Interim-Update for every open RADIUS session, as the router sends one each Acct-Interim-Interval. Answers how many.</summary>
    public int SendInterimUpdates()
    {
        var sessions = _state.RadiusSessions();
        foreach (var use in sessions)
        {
            Queue(use, InterimUpdate);
        }

        return sessions.Count;
    }

    private async Task InterimEveryAsync(string sessionId, TimeSpan every, long key)
    {
        try
        {
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(_stopping.Token) && _state.RadiusSessions().FirstOrDefault(s => s.AcctSessionId == sessionId) is { } use)
            {
                Queue(use, InterimUpdate);
            }
        }
        catch (OperationCanceledException)
        {
            // The router stopped.
        }
        finally
        {
            _interimTimers.TryRemove(key, out _);
        }
    }

    /// <summary>Waits until every accounting request queued so far was answered or given up.</summary>
    public async Task DrainAccountingAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _unanswered) > 0)
        {
            await Task.WhenAll(_inFlight.Values).WaitAsync(cancellationToken);
            await Task.Yield();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _state.RadiusSessionEnded = null;
        _accounting.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _pump;
        await Task.WhenAll(_inFlight.Values.Concat(_interimTimers.Values));
        _stopping.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var (use, status) in _accounting.Reader.ReadAllAsync(_stopping.Token))
            {
                var key = Interlocked.Increment(ref _nextSend);
                _inFlight[key] = SendAccountingAsync(use, status, key);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: what was not sent is lost, as on a router that shuts down.
        }
    }

    private async Task SendAccountingAsync(RadiusUse use, uint status, long key)
    {
        try
        {
            await Task.Yield();
            var attributes = new List<RadiusAttribute>
            {
                RadiusAttribute.Integer(RadiusAttributeType.AcctStatusType, status),
                RadiusAttribute.Text(RadiusAttributeType.UserName, use.UserName),
                RadiusAttribute.Integer(RadiusAttributeType.AcctDelayTime, 0),
            };
            attributes.AddRange(SessionAttributes(use.AcctSessionId, use.MacAddress, use.Address));
            if (use.Class is { } cookie)
            {
                attributes.Add(new RadiusAttribute(RadiusAttributeType.Class, cookie));
            }

            if (status != Start)
            {
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctSessionTime, (uint)use.SessionTime.TotalSeconds));
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctInputOctets, (uint)use.BytesIn));
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctInputGigawords, (uint)(use.BytesIn >> 32)));
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctOutputOctets, (uint)use.BytesOut));
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctOutputGigawords, (uint)(use.BytesOut >> 32)));
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctInputPackets, (uint)use.PacketsIn));
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctOutputPackets, (uint)use.PacketsOut));
            }

            if (status == Stop)
            {
                attributes.Add(RadiusAttribute.Integer(RadiusAttributeType.AcctTerminateCause, (uint)(use.Cause ?? TerminateCause.AdminReset)));
            }

            var request = RadiusPacket.AccountingRequest(NextIdentifier(), Settings.Secret, attributes);
            await _transport.ExchangeAsync(request, request[4..20], new IPEndPoint(Settings.Address, Settings.AccountingPort), Settings, requireSigned: false, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposed mid-send.
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
            Interlocked.Decrement(ref _unanswered);
        }
    }

    // What the hotspot sends in every request of a session (MikroTik manual, RADIUS: "Access-Request" attributes).
    private IEnumerable<RadiusAttribute> SessionAttributes(string sessionId, string macAddress, string address)
    {
        yield return RadiusAttribute.Text(RadiusAttributeType.NasIdentifier, _state.Identity);
        yield return RadiusAttribute.Address(RadiusAttributeType.NasIpAddress, Settings.NasAddress);
        yield return RadiusAttribute.Integer(RadiusAttributeType.NasPort, 0);
        yield return RadiusAttribute.Integer(RadiusAttributeType.NasPortType, NasPortTypeWireless);
        yield return RadiusAttribute.Text(RadiusAttributeType.NasPortId, "bridge-hotspot");
        yield return RadiusAttribute.Text(RadiusAttributeType.CallingStationId, RadiusMacFormat.Apply(Settings.MacFormat, macAddress));
        yield return RadiusAttribute.Text(RadiusAttributeType.CalledStationId, Settings.HotspotServer);
        yield return RadiusAttribute.Text(RadiusAttributeType.AcctSessionId, sessionId);
        if (IPAddress.TryParse(address, out var ip))
        {
            yield return RadiusAttribute.Address(RadiusAttributeType.FramedIpAddress, ip);
            yield return RadiusAttribute.Mikrotik(MikrotikAttributeType.HostIp, ip.MapToIPv4().GetAddressBytes());
        }
    }

    private static RadiusGrant GrantOf(RadiusPacket accept)
    {
        static TimeSpan? Seconds(uint? value) => value is { } s and > 0 ? TimeSpan.FromSeconds(s) : null;
        long? Bytes(MikrotikAttributeType low, MikrotikAttributeType high) =>
            accept.Mikrotik(low) is { Length: 4 } octets
                ? ((long)(accept.Mikrotik(high) is { Length: 4 } giga ? BinaryPrimitives.ReadUInt32BigEndian(giga) : 0) << 32) + BinaryPrimitives.ReadUInt32BigEndian(octets)
                : null;
        return new RadiusGrant(
            Seconds(accept.Integer(RadiusAttributeType.SessionTimeout)),
            Seconds(accept.Integer(RadiusAttributeType.IdleTimeout)),
            Seconds(accept.Integer(RadiusAttributeType.AcctInterimInterval)),
            accept.Mikrotik(MikrotikAttributeType.RateLimit) is { } rate ? System.Text.Encoding.UTF8.GetString(rate) : null,
            accept.Mikrotik(MikrotikAttributeType.Group) is { } group ? System.Text.Encoding.UTF8.GetString(group) : null,
            Bytes(MikrotikAttributeType.RecvLimit, MikrotikAttributeType.RecvLimitGigawords),
            Bytes(MikrotikAttributeType.XmitLimit, MikrotikAttributeType.XmitLimitGigawords),
            Bytes(MikrotikAttributeType.TotalLimit, MikrotikAttributeType.TotalLimitGigawords),
            accept.Value(RadiusAttributeType.Class));
    }

    // Counted from the moment it is queued, so that a drain never misses one the pump has taken but not yet sent.
    private void Queue(RadiusUse use, uint status)
    {
        Interlocked.Increment(ref _unanswered);
        if (!_accounting.Writer.TryWrite((use, status)))
        {
            Interlocked.Decrement(ref _unanswered);
        }
    }

    private byte NextIdentifier() => (byte)Interlocked.Increment(ref _identifier);
}
