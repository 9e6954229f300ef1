namespace Hotspot.Reconnect;

/// <summary>
/// One async mutex per key, in this process: callers with the same key go one at a time, in arrival order, woken
/// when the previous one leaves (no polling). Entries exist only while someone holds or waits for them.
/// </summary>
public sealed class KeyedGate<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly Lock _lock = new();

    public async Task<IDisposable> EnterAsync(TKey key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                _entries[key] = entry = new Entry();
            }

            entry.Users++;
        }

        try
        {
            // A free gate is entered even when the wait's time is already up: only a real wait can run out.
            if (!entry.Semaphore.Wait(0, CancellationToken.None))
            {
                await entry.Semaphore.WaitAsync(cancellationToken);
            }

            return new Pass(this, key, entry);
        }
        catch
        {
            Leave(key, entry, release: false);
            throw;
        }
    }

    private void Leave(TKey key, Entry entry, bool release)
    {
        if (release)
        {
            entry.Semaphore.Release();
        }

        lock (_lock)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Pass(KeyedGate<TKey> gate, TKey key, Entry entry) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                gate.Leave(key, entry, release: true);
            }
        }
    }
}
