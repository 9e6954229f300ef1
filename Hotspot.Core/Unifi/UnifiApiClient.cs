using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Drivers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Hotspot.Unifi;

/// <summary>
/// One router's Integration API over the shared, resilient "Hotspot.Unifi" HTTP client: adds the key and the TLS
/// policy, and turns every failure into a <see cref="ControllerException"/> that says what happened.
/// </summary>
internal sealed class UnifiApiClient(IHttpClientFactory httpClientFactory, UnifiRouterConnection connection, UnifiDriverOptions options)
{
    public const string HttpClientName = "Hotspot.Unifi";
    private const int MaxErrorBodyChars = 2048;

    private readonly UnifiTlsPolicy _tls = UnifiTlsPolicy.For(connection);
    private readonly string _baseUrl = connection.BaseUrl.AbsoluteUri.TrimEnd('/');

    public string RouterId => connection.RouterId;

    /// <summary>GETs and parses; null on 404 (what a 404 means depends on the path, so the caller says it).</summary>
    public async Task<T?> GetOrNullAsync<T>(string pathAndQuery, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + pathAndQuery);
        return await SendAsync<T>(request, cancellationToken);
    }

    /// <summary>POSTs a JSON body and parses the answer; null on 404.</summary>
    public async Task<T?> PostOrNullAsync<T>(string path, object body, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _baseUrl + path)
        {
            Content = JsonContent.Create(body, body.GetType(), options: UnifiJson.Options),
        };
        return await SendAsync<T>(request, cancellationToken);
    }

    private async Task<T?> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken) where T : class
    {
        var apiKey = await connection.ApiKey(cancellationToken);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ControllerException(ControllerError.CredentialsRejected, $"No API key is stored for UniFi router {RouterId}.");
        }

        if (connection.SiteManagerBudget?.TryTake(apiKey) is { } wait)
        {
            throw new ControllerException(ControllerError.Unavailable,
                $"UniFi router {RouterId}: the Site Manager key's {connection.SiteManagerBudget.RequestsPerMinute} requests per minute are spent; " +
                $"{Path(request)} was not sent.")
            { RetryAfter = wait };
        }

        request.Headers.Add("X-API-KEY", apiKey);
        request.Headers.Accept.ParseAdd("application/json");
        UnifiTls.Apply(request, _tls);

        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception e) when (Describe(request, e) is { } failure)
        {
            throw failure;
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await ReadAsync<T>(request, response, cancellationToken);
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            throw await DescribeAsync(request, response, cancellationToken);
        }
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(UnifiJson.Options, cancellationToken)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new ControllerException(ControllerError.UnexpectedResponse,
                $"UniFi router {RouterId} answered {Path(request)} with JSON we cannot read ({e.Message}).", null, e);
        }
    }

    private ControllerException? Describe(HttpRequestMessage request, Exception e) => e switch
    {
        OperationCanceledException when e is not TimeoutRejectedException => null,
        TimeoutRejectedException => new ControllerException(ControllerError.Unavailable,
            $"UniFi router {RouterId} did not answer {Path(request)} within {options.TotalTimeout.TotalSeconds:0.#} s.", null, e),
        BrokenCircuitException => new ControllerException(ControllerError.Unavailable,
            $"UniFi router {RouterId} is not called for a while: its recent requests failed.", null, e),
        HttpRequestException when UnifiTls.IsTlsFailure(e) => new ControllerException(ControllerError.TlsFailure,
            $"UniFi router {RouterId}: TLS failed, {UnifiTls.FailureReason(request) ?? e.InnerException?.Message}.", null, e),
        HttpRequestException => new ControllerException(ControllerError.Unavailable,
            $"UniFi router {RouterId} cannot be reached: {e.Message}", null, e),
        _ => null,
    };

    private async Task<ControllerException> DescribeAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var detail = await ReadErrorAsync(response, cancellationToken);
        var what = $"UniFi router {RouterId} answered {status}{detail} to {Path(request)}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ControllerException(ControllerError.CredentialsRejected,
                connection.ViaSiteManager
                    ? $"{what}: the Site Manager API key was rejected, or it does not reach this console. Create one at unifi.ui.com (API)."
                    : $"{what}: the API key was rejected. Create one in Network > Control Plane > Integrations."),
            HttpStatusCode.TooManyRequests => new ControllerException(ControllerError.Unavailable, $"{what}: it is throttling requests.")
            {
                RetryAfter = RetryAfterOf(response),
            },
            HttpStatusCode.RequestTimeout => new ControllerException(ControllerError.Unavailable, $"{what}: the console did not answer the connector in time."),
            >= HttpStatusCode.InternalServerError => new ControllerException(ControllerError.Unavailable, $"{what}: the controller failed."),
            _ => new ControllerException(ControllerError.UnexpectedResponse, $"{what}."),
        };
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var body = JsonSerializer.Deserialize<UnifiErrorBody>(text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text, UnifiJson.Options);
            return body is { Code: not null } ? $" ({body.Code}: {body.Message})" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    // The path without the query: filters carry MACs, which belong in logs but not in user-facing messages.
    private static string Path(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "?";
}
