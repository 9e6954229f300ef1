using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hotspot.Tests.Functions;

/// <summary>
/// Records every HTTP request this process starts towards the given hosts, from HttpClient's own diagnostic events
/// (every Azure SDK client and credential sends through HttpClient).
/// </summary>
public sealed class OutgoingRequestRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Func<Uri, bool> _watched;
    private readonly ConcurrentQueue<Uri> _requests = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _lock = new();

    public OutgoingRequestRecorder(Func<Uri, bool> watched)
    {
        _watched = watched;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyCollection<Uri> Requests => _requests.ToArray();

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_lock)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "System.Net.Http.HttpRequestOut.Start"
            && value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is HttpRequestMessage { RequestUri: { } uri }
            && _watched(uri))
        {
            _requests.Enqueue(uri);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
