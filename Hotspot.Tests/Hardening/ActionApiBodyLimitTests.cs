using System.Net;
using System.Text;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Hardening;

/// <summary>
/// Seed 002's action API reads at most 64 KiB of a body whatever its framing, before it looks at the key, and a form it
/// cannot read within limits that fit 64 KiB is a 400, never a 500.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionApiBodyLimitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_keyless_body_over_64_KiB_is_refused_413_in_every_framing()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        var big = new string('x', 1024 * 1024);
        var framings = new (string Name, Func<HttpContent> Content, bool Chunked)[]
        {
            ("chunked form", () => new StringContent("action=get_logins&relleno=" + big, Encoding.ASCII, "application/x-www-form-urlencoded"), true),
            ("chunked multipart", () => new MultipartFormDataContent { { new StringContent(big), "relleno" } }, true),
            ("multipart with a length", () => new MultipartFormDataContent { { new StringContent(big), "relleno" } }, false),
            ("chunked JSON", () => new StringContent("{\"relleno\":\"" + big + "\"}", Encoding.UTF8, "application/json"), true),
        };

        foreach (var (name, content, chunked) in framings)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/") { Content = content() };
            request.Headers.TransferEncodingChunked = chunked ? true : null;
            using var response = await world.Host.Host.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{name}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Too_many_fields_an_over_long_name_or_broken_multipart_is_a_400()
    {
        await using var world = await HostileWorld.StartAsync(azurite);
        var bodies = new (string Name, HttpContent Content)[]
        {
            ("3000 fields", new StringContent(string.Join('&', Enumerable.Range(0, 3000).Select(i => $"f{i}=1")), Encoding.ASCII, "application/x-www-form-urlencoded")),
            ("a 5000-character name", new StringContent(new string('k', 5000) + "=1&action=get_logins", Encoding.ASCII, "application/x-www-form-urlencoded")),
            ("multipart that never ends", Multipart("--xyz\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nget_logins")),
            ("multipart headers that never end", Multipart("--xyz\r\n" + new string('h', 20_000))),
        };

        foreach (var (name, content) in bodies)
        {
            using (content)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/") { Content = content };
                request.Headers.Add("X-API-Key", world.ApiKey);
                using var response = await world.Host.Host.Client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Empty(world.ErrorLines());
    }

    private static ByteArrayContent Multipart(string text)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(text));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        return content;
    }
}
