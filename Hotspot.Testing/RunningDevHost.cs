using Hotspot.DevHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Testing;

/// <summary>Table Storage the host is pointed at (the tests' shared Azurite).</summary>
public interface ITableStorage
{
    string ConnectionString { get; }
}

/// <summary>
/// The real DevHost on Kestrel at a free loopback port, with an <see cref="HttpClient"/> pointed at it: what the tests
/// and the benchmarks start. Timers and the demo are off unless a setting turns them on.
/// </summary>
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

    /// <summary>A table prefix no other host uses, so that hosts sharing one Azurite never see each other's rows.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<RunningDevHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
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

    /// <summary>A DevHost over a shared Table Storage, with tables of its own.</summary>
    public static Task<RunningDevHost> StartAsync(
        ITableStorage storage, IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var settings = new Dictionary<string, string?>
        {
            ["Hotspot:Storage:ConnectionString"] = storage.ConnectionString,
            ["Hotspot:Storage:TablePrefix"] = NewTablePrefix(),
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
