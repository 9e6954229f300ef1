using Hotspot.DevHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Infrastructure;

/// <summary>The real DevHost on Kestrel at a free loopback port, with an <see cref="HttpClient"/> pointed at it.</summary>
public sealed class RunningDevHost : IAsyncDisposable
{
    private RunningDevHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<RunningDevHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Hotspot:DevHost:Timers:Enabled"] = "false",
            ["Hotspot:DevHost:Demo:Enabled"] = "false",
        };
        var args = defaults.Where(d => !settings.ContainsKey(d.Key)).Concat(settings)
            .Select(setting => $"--{setting.Key}={setting.Value}")
            .ToArray();
        var app = await DevHostApplication.CreateAsync(args, configureServices);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningDevHost(app, new Uri(address));
    }

    /// <summary>A DevHost over the shared test Azurite, with tables of its own.</summary>
    public static Task<RunningDevHost> StartAsync(
        AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hotspot:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Hotspot:Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return StartAsync(settings, configureServices);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
