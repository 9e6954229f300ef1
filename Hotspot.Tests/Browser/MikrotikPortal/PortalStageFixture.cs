using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Browser.MikrotikPortal;

/// <summary>One <see cref="PortalStage"/> (and one Chromium) for a test class, started by its first test.</summary>
public sealed class PortalStageFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Task<PortalStage>? _stage;

    internal Task<PortalStage> StageAsync(AzuriteFixture azurite)
    {
        lock (_gate)
        {
            return _stage ??= PortalStage.StartAsync(azurite);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_stage is not null)
        {
            await (await _stage).DisposeAsync();
        }
    }
}
