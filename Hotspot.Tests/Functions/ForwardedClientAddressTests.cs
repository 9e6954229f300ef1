using System.Net;
using Hotspot.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotspot.Tests.Functions;

/// <summary>
/// The client's address as the worker reads it in Azure. The request reaches the worker through the App Service front
/// end, which appends the address that called it ("client:port"), then the Functions host, whose YARP proxy appends the
/// address that called it (the front end's) and connects to the worker over loopback. The worker's HTTP pipeline is
/// rebuilt here on Kestrel with the options the worker's own composition produces (its forwarded-headers middleware,
/// then the handler), and this test's client stands where the host stands: on loopback, sending the chain.
/// </summary>
public sealed class ForwardedClientAddressTests
{
    private const string FrontEnd = "10.0.4.17";

    [Theory]
    [InlineData("203.0.113.7:52814, " + FrontEnd, "203.0.113.7")]
    [InlineData("[2001:db8::7]:52814, " + FrontEnd, "2001:db8::7")]
    [InlineData("2001:db8::7, " + FrontEnd, "2001:db8::7")]
    [InlineData("::ffff:203.0.113.7, " + FrontEnd, "203.0.113.7")]
    // The client sent its own X-Forwarded-For: the front end appended to it, so the client's entries stay on the left.
    [InlineData("198.51.100.1, 203.0.113.7:52814, " + FrontEnd, "203.0.113.7")]
    [InlineData("198.51.100.1, 198.51.100.2:80, 203.0.113.7:52814, " + FrontEnd, "203.0.113.7")]
    // A host that sets rather than appends (YARP's Set) leaves one entry, its own view of its peer.
    [InlineData("203.0.113.7", "203.0.113.7")]
    public async Task The_worker_reads_the_client_two_hops_from_the_right_of_the_chain(string chain, string expected)
    {
        await using var worker = await WorkerPipeline.StartAsync(WorkerOptions());

        var seen = await worker.SeenAsync(chain);

        Assert.Equal(expected, seen.Address);
    }

    [Fact]
    public async Task A_chain_split_over_two_header_lines_is_read_as_one()
    {
        await using var worker = await WorkerPipeline.StartAsync(WorkerOptions());

        var seen = await worker.SeenAsync("198.51.100.1", "203.0.113.7:52814, " + FrontEnd);

        Assert.Equal("203.0.113.7", seen.Address);
    }

    [Fact]
    public async Task Without_a_chain_the_worker_reads_its_peer_and_still_applies_the_forwarded_host()
    {
        await using var worker = await WorkerPipeline.StartAsync(WorkerOptions());

        var seen = await worker.SeenAsync();
        var forwardedHost = await worker.SeenThroughAsync("func-hotspot.azurewebsites.net", ["203.0.113.7:52814, " + FrontEnd]);

        Assert.Equal("127.0.0.1", seen.Address);
        Assert.Equal("func-hotspot.azurewebsites.net", forwardedHost.Host);
        Assert.Equal("203.0.113.7", forwardedHost.Address);
    }

    [Fact]
    public async Task With_the_ASP_NET_Core_integration_defaults_the_client_would_choose_its_address()
    {
        // Why the worker keeps X-Forwarded-For out of the integration's forwarded-headers middleware: that middleware
        // takes the rightmost entry as the peer and cuts it from the header, so two hops from the right becomes three.
        var (clientAddress, _) = WorkerOptions();
        var integrationDefaults = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All };
        await using var worker = await WorkerPipeline.StartAsync((clientAddress, integrationDefaults));

        var seen = await worker.SeenAsync("198.51.100.1, 203.0.113.7:52814, " + FrontEnd);

        Assert.Equal("198.51.100.1", seen.Address);
    }

    [Theory]
    [InlineData("203.0.113.7:52814, " + FrontEnd, 1, FrontEnd)]
    [InlineData("198.51.100.1, 203.0.113.7:52814, 10.1.1.1, " + FrontEnd, 3, "203.0.113.7")]
    [InlineData("not-an-address, " + FrontEnd, 2, null)]
    [InlineData("203.0.113.7:52814:9, " + FrontEnd, 2, null)]
    [InlineData(" , ", 2, null)]
    public void The_hop_count_picks_the_entry_and_a_malformed_one_reads_as_none(string chain, int hops, string? expected)
    {
        Assert.Equal(expected, ClientAddress.FromForwardedFor([chain], hops)?.ToString());
    }

    private static (ClientAddressOptions ClientAddress, ForwardedHeadersOptions Forwarded) WorkerOptions()
    {
        using var worker = WorkerStartupTests.BuildWorker();
        return (
            worker.Services.GetRequiredService<IOptions<ClientAddressOptions>>().Value,
            worker.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value);
    }

    /// <summary>The worker's HTTP pipeline (forwarded headers, then the function) on Kestrel, on a free loopback port.</summary>
    private sealed class WorkerPipeline : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _client;

        private WorkerPipeline(WebApplication app, HttpClient client)
        {
            _app = app;
            _client = client;
        }

        public static async Task<WorkerPipeline> StartAsync((ClientAddressOptions ClientAddress, ForwardedHeadersOptions Forwarded) options)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Services.AddSingleton(Options.Create(options.ClientAddress));
            builder.Services.AddSingleton(Options.Create(options.Forwarded));
            var app = builder.Build();
            app.UseForwardedHeaders();
            app.MapGet("/whoami", (HttpContext context) => ClientAddress.Of(context) + " " + context.Request.Host.Host);
            await app.StartAsync();
            var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
            return new WorkerPipeline(app, client);
        }

        /// <summary>What the handler sees when the host sends these X-Forwarded-For lines.</summary>
        public Task<Seen> SeenAsync(params string[] chain) => SeenThroughAsync(null, chain);

        public async Task<Seen> SeenThroughAsync(string? forwardedHost, string[] chain)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
            foreach (var line in chain)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", line);
            }

            if (forwardedHost is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-Host", forwardedHost);
            }

            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var seen = (await response.Content.ReadAsStringAsync()).Split(' ');
            return new Seen(seen[0], seen[1]);
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.DisposeAsync();
        }
    }

    private sealed record Seen(string Address, string Host);
}
