using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>Two DevHost instances over the same tables, as two Functions instances over one storage account.</summary>
public static class SharedTables
{
    public static async Task<(TenancyHost First, TenancyHost Second)> StartTwoAsync(AzuriteFixture azurite)
    {
        var settings = new Dictionary<string, string?> { ["Hotspot:Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix() };
        var first = await TenancyHost.StartAsync(azurite, settings);
        try
        {
            // Started after the first has bootstrapped the super_admin, which it then finds.
            return (first, await TenancyHost.StartAsync(azurite, settings));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }
}
