using System.Net;
using System.Threading.Channels;
using Hotspot.Sales.Payments.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Payments;

/// <summary>
/// Stands where our webhook endpoint will be: a real HTTP listener that keeps every request exactly as it arrived
/// (raw body, headers, query) and answers with <see cref="AnswerStatus"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<WebhookRequest> _received = Channel.CreateUnbounded<WebhookRequest>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/api/v1/webhooks/test?source_news=webhooks");

    /// <summary>The status the next requests get (200 by default); set 500 to make the provider retry.</summary>
    public int AnswerStatus { get; set; } = 200;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/api/v1/webhooks/test", async (HttpContext context) =>
        {
            var request = await WebhookRequest.ReadAsync(context.Request, 1 << 20, context.RequestAborted);
            var copy = new WebhookRequest(request.Body, new HeaderDictionary(request.Headers.ToDictionary(StringComparer.OrdinalIgnoreCase)), new QueryCollection(request.Query.ToDictionary()));
            await receiver._received.Writer.WriteAsync(copy);
            return Results.StatusCode(receiver.AnswerStatus);
        });
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>The next webhook to arrive (bounded wait: a missing one fails the test instead of hanging it).</summary>
    public async Task<WebhookRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
