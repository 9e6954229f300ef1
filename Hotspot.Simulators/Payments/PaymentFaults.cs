using System.Text.Json.Serialization;

namespace Hotspot.Simulators.Payments;

/// <summary>
/// A fault set through the control port. <c>target</c> webhook: the next <c>count</c> webhooks are duplicated, dropped,
/// delayed by <c>seconds</c> of simulator time, or held back and sent after the next one (reorder). <c>target</c> create:
/// the next <c>count</c> checkout creations answer <c>status</c> (default 500) without creating anything.
/// </summary>
public sealed record PaymentFault
{
    public string Target { get; init; } = "webhook";

    public string Mode { get; init; } = "";

    /// <summary>mercado_pago or stripe; null for both.</summary>
    public string? Provider { get; init; }

    public int Count { get; init; } = 1;

    public double Seconds { get; init; }

    public int Status { get; init; } = 500;

    [JsonIgnore]
    public int Remaining { get; set; }

    public string? Problem() => (Target, Mode) switch
    {
        _ when Count < 1 => "'count' is at least 1.",
        _ when Provider is not null && PaymentProviderNames.Parse(Provider) is null => "'provider' is mercado_pago or stripe.",
        ("webhook", "duplicate" or "drop" or "reorder") => null,
        ("webhook", "delay") => Seconds > 0 ? null : "A delay needs 'seconds' above 0.",
        ("create", "error") => Status is >= 500 and <= 599 ? null : "'status' is a 5xx code.",
        _ => "Faults are target 'webhook' with mode duplicate, drop, delay or reorder, or target 'create' with mode 'error'.",
    };

    public bool Applies(PaymentProvider provider) => Provider is null || PaymentProviderNames.Parse(Provider) == provider;
}

/// <summary>The faults waiting to fire; each fires for its next <c>count</c> matching events.</summary>
public sealed class PaymentFaults
{
    private readonly Lock _lock = new();
    private readonly List<PaymentFault> _faults = [];

    public void Add(PaymentFault fault)
    {
        lock (_lock)
        {
            fault.Remaining = fault.Count;
            _faults.Add(fault);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    public IReadOnlyList<PaymentFault> List()
    {
        lock (_lock)
        {
            return [.. _faults];
        }
    }

    /// <summary>Consumes one firing of the oldest fault for this target and provider, if any.</summary>
    public PaymentFault? Take(string target, PaymentProvider provider)
    {
        lock (_lock)
        {
            var fault = _faults.FirstOrDefault(f => f.Target == target && f.Applies(provider));
            if (fault is not null && --fault.Remaining == 0)
            {
                _faults.Remove(fault);
            }

            return fault;
        }
    }
}
