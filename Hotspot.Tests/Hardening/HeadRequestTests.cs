using System.Net;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Hardening;

/// <summary>HEAD on a GET route answers as GET does, without the body.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HeadRequestTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        var client = world.Host.Host.Client;

        using var get = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/health"));
        using var keyHead = new HttpRequestMessage(HttpMethod.Head, "/api/v1/hotspot/router");
        world.Authorize(keyHead, Caller.RouterKey);
        using var keyed = await client.SendAsync(keyHead);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Empty(await keyed.Content.ReadAsByteArrayAsync());
    }
}
