using Hotspot.Unifi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class UnifiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="UnifiControllerFactory"/> and its HTTP client: retries of safe requests on 429 (honouring
    /// Retry-After), 5xx, timeouts and connection failures; a circuit breaker per controller (per URL authority);
    /// a total time budget per request; per-router TLS validation or certificate pin.
    /// </summary>
    public static IServiceCollection AddUnifiDriver(this IServiceCollection services, Action<UnifiDriverOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<UnifiDriverOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UnifiSiteCache>();
        services.TryAddSingleton<UnifiClientCache>();
        services.TryAddSingleton(sp => new Hotspot.Unifi.SiteManager.SiteManagerBudget(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<UnifiDriverOptions>>().Value.SiteManagerRequestsPerMinute));
        services.TryAddSingleton(sp => new UnifiControllerFactory(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<UnifiSiteCache>(), sp.GetRequiredService<UnifiClientCache>(),
            sp.GetRequiredService<IOptions<UnifiDriverOptions>>()));

        services.AddHttpClient(UnifiApiClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(UnifiTls.CreateHandler)
            .RedactLoggedHeaders(["X-API-KEY"])
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => Apply(resilience, sp.GetRequiredService<IOptions<UnifiDriverOptions>>().Value))
            .SelectPipelineByAuthority();
        return services;
    }

    private static void Apply(HttpStandardResilienceOptions resilience, UnifiDriverOptions options)
    {
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;

        // The standard pipeline always has a retry strategy (at least one attempt); zero retries turns it off instead.
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.ShouldRetryAfterHeader = true;
        // A refused certificate will be refused again; retrying only delays the answer.
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0
            && HttpClientResiliencePredicates.IsTransient(args.Outcome) && !UnifiTls.IsTlsFailure(args.Outcome.Exception));
        // An authorization repeated would reset the guest's counters: only GETs are retried.
        resilience.Retry.DisableForUnsafeHttpMethods();

        resilience.CircuitBreaker.FailureRatio = options.BreakerFailureRatio;
        resilience.CircuitBreaker.MinimumThroughput = options.BreakerMinimumThroughput;
        resilience.CircuitBreaker.SamplingDuration = options.BreakerSamplingDuration;
        resilience.CircuitBreaker.BreakDuration = options.BreakDuration;
    }
}
