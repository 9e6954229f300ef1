using System.Collections.Concurrent;
using Hotspot.Sales.Purchases;
using Hotspot.Sales.Purchases.Engine;

namespace Hotspot.Tests.Sales.Purchases;

/// <summary>A crash injected by a test at a step of the purchase engine.</summary>
public sealed class InjectedCrashException(PurchaseStep step) : Exception($"Injected crash at {step}.");

/// <summary>
/// Registered in the DevHost as the engine's step observer: tests wait for a purchase to reach a state (an event, not a
/// sleep) and make the engine "crash" at a chosen step, as a killed process would.
/// </summary>
public sealed class PurchaseProbe : IPurchaseStepObserver
{
    private readonly ConcurrentDictionary<(string Id, string Estado), TaskCompletionSource> _states = new();
    private readonly ConcurrentDictionary<PurchaseStep, int> _crashes = new();
    private readonly ConcurrentDictionary<PurchaseStep, TaskCompletionSource> _crashed = new();
    private readonly ConcurrentDictionary<TaskCompletionSource, (string Id, Func<CompraEntity, bool> Holds)> _applied = new();

    /// <summary>Throws the next <paramref name="times"/> times the engine reaches <paramref name="step"/>.</summary>
    public void CrashAt(PurchaseStep step, int times = 1) => _crashes[step] = times;

    public ValueTask ReachedAsync(PurchaseStep reached, CompraEntity compra, CancellationToken cancellationToken)
    {
        if (reached == PurchaseStep.Transitioned)
        {
            Signal(compra.Id, compra.Estado).TrySetResult();
        }

        if (reached == PurchaseStep.TruthApplied)
        {
            foreach (var (waiter, (id, holds)) in _applied)
            {
                if (id == compra.Id && holds(compra) && _applied.TryRemove(waiter, out _))
                {
                    waiter.TrySetResult();
                }
            }
        }

        if (_crashes.TryGetValue(reached, out var left) && left > 0 && _crashes.TryUpdate(reached, left - 1, left))
        {
            Crashed(reached).TrySetResult();
            throw new InjectedCrashException(reached);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Completes when the purchase has been written in <paramref name="estado"/> (now or earlier).</summary>
    public Task ReachedAsync(string compraId, string estado) =>
        Signal(compraId, estado).Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>
    /// Completes when the provider's answer, once written to the purchase, makes <paramref name="holds"/> true. Call it
    /// before causing the change: only answers applied after the call count.
    /// </summary>
    public Task AppliedAsync(string compraId, Func<CompraEntity, bool> holds)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _applied[waiter] = (compraId, holds);
        return waiter.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Completes once the crash set with <see cref="CrashAt"/> has happened.</summary>
    public Task CrashedAsync(PurchaseStep step) => Crashed(step).Task.WaitAsync(TimeSpan.FromSeconds(60));

    public bool HasReached(string compraId, string estado) => Signal(compraId, estado).Task.IsCompleted;

    private TaskCompletionSource Crashed(PurchaseStep step) =>
        _crashed.GetOrAdd(step, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource Signal(string id, string estado) =>
        _states.GetOrAdd((id, estado), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
