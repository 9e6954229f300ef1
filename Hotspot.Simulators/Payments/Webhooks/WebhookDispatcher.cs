using System.Threading.Channels;
using Hotspot.Simulators.Unifi;

namespace Hotspot.Simulators.Payments.Webhooks;

/// <summary>
/// Sends webhooks one at a time in the order they are released, applying the faults set on the control port. A
/// delivery that fails is retried on the simulator's clock (Mercado Pago every 15 minutes, Stripe with growing waits),
/// as are delayed ones: advancing the clock releases whatever has become due.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private const int MaxAttempts = 4;
    private readonly Channel<(OutgoingWebhook Webhook, int Attempt)> _outbox = Channel.CreateUnbounded<(OutgoingWebhook, int)>(new() { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly List<(DateTimeOffset DueAt, OutgoingWebhook Webhook, int Attempt)> _waiting = [];
    private readonly List<WebhookDelivery> _log = [];
    private readonly HttpClient _http;
    private readonly SimulatorClock _clock;
    private readonly PaymentFaults _faults;
    private readonly Task _sender;
    private OutgoingWebhook? _heldForReorder;
    private long _sequence;

    public WebhookDispatcher(SimulatorClock clock, PaymentFaults faults, TimeSpan timeout)
    {
        _clock = clock;
        _faults = faults;
        _http = new HttpClient { Timeout = timeout };
        _sender = Task.Run(SendAllAsync);
    }

    public IReadOnlyList<WebhookDelivery> Log()
    {
        lock (_lock)
        {
            return [.. _log];
        }
    }

    /// <summary>Queues a notification for an event that just happened, after the webhook faults have had their say.</summary>
    public void Publish(OutgoingWebhook webhook)
    {
        var fault = _faults.Take("webhook", webhook.Provider);
        switch (fault?.Mode)
        {
            case "drop":
                Record(webhook, 1, "dropped", null);
                return;
            case "delay":
                Wait(webhook, 1, TimeSpan.FromSeconds(fault.Seconds));
                return;
            case "reorder":
                lock (_lock)
                {
                    Release(_heldForReorder);
                    _heldForReorder = webhook;
                }

                Record(webhook, 1, "held", null);
                return;
            case "duplicate":
                Send(webhook, 1);
                Send(webhook, 1);
                break;
            default:
                Send(webhook, 1);
                break;
        }

        lock (_lock)
        {
            Release(_heldForReorder);
            _heldForReorder = null;
        }
    }

    /// <summary>Sends what has become due on the simulator's clock, and a webhook still held back for a reorder.</summary>
    public void ReleaseDue()
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            foreach (var due in _waiting.Where(w => w.DueAt <= now).OrderBy(w => w.DueAt).ToList())
            {
                _waiting.Remove(due);
                Send(due.Webhook, due.Attempt);
            }

            Release(_heldForReorder);
            _heldForReorder = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _sender;
        _http.Dispose();
    }

    private void Release(OutgoingWebhook? held)
    {
        if (held is not null)
        {
            Send(held, 1);
        }
    }

    private void Send(OutgoingWebhook webhook, int attempt) => _outbox.Writer.TryWrite((webhook, attempt));

    private void Wait(OutgoingWebhook webhook, int attempt, TimeSpan delay)
    {
        lock (_lock)
        {
            _waiting.Add((_clock.GetUtcNow() + delay, webhook, attempt));
        }

        Record(webhook, attempt, "held", null);
    }

    private async Task SendAllAsync()
    {
        await foreach (var (webhook, attempt) in _outbox.Reader.ReadAllAsync())
        {
            using var request = WebhookSigner.Sign(webhook, _clock.GetUtcNow());
            int? status = null;
            try
            {
                using var response = await _http.SendAsync(request);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Unreachable or too slow: retried like a refusal.
            }

            var delivered = status is >= 200 and < 300;
            Record(webhook, attempt, delivered ? "delivered" : status is null ? "unreachable" : "refused", status, request.RequestUri!.ToString());
            if (!delivered && attempt < MaxAttempts)
            {
                Wait(webhook, attempt + 1, RetryDelay(webhook.Provider, attempt));
            }
        }
    }

    private static TimeSpan RetryDelay(PaymentProvider provider, int attempt) => provider == PaymentProvider.MercadoPago
        ? TimeSpan.FromMinutes(attempt <= 3 ? 15 : 15 * (1 << (attempt - 3)))
        : TimeSpan.FromHours(1 << (attempt - 1));

    private void Record(OutgoingWebhook webhook, int attempt, string outcome, int? status, string? url = null)
    {
        lock (_lock)
        {
            _log.Add(new WebhookDelivery(
                ++_sequence, PaymentProviderNames.Of(webhook.Provider), webhook.EventType, webhook.ResourceId, webhook.RequestId,
                url ?? webhook.Target.ToString(), attempt, outcome, status, _clock.GetUtcNow()));
        }
    }
}
