using System.Net;
using System.Text.Json;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.Tenancy;

/// <summary>
/// Regenerating a router's key is all or nothing and leaves exactly one active key, whatever runs at the same time on
/// two instances: other regenerations (the losers answer 409) and revocations. Never a 500.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiKeyRegenerationRaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Fifty_parallel_regenerations_leave_exactly_one_active_key_and_every_loser_hears_409()
    {
        var (first, second) = await SharedTables.StartTwoAsync(azurite);
        await using (first)
        await using (second)
        {
            var root = await first.LoginRootAsync();
            var router = await first.CreateMikrotikRouterAsync(root, await first.CreateEmpresaAsync(root, "Hotel"), "R");
            await first.IssueApiKeyAsync(root, router);

            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                AnswerAsync(i % 2 == 0 ? first : second, HttpMethod.Post, $"/api/v1/admin/routers/{router}/api-keys/regenerate", root)));

            AssertOneActiveKeyFromAWinner(await StatesAsync(first, root, router), answers);
        }
    }

    [Fact]
    public async Task Regenerations_racing_revocations_never_fail_and_leave_exactly_one_active_key()
    {
        var (first, second) = await SharedTables.StartTwoAsync(azurite);
        await using (first)
        await using (second)
        {
            var root = await first.LoginRootAsync();
            var router = await first.CreateMikrotikRouterAsync(root, await first.CreateEmpresaAsync(root, "Hotel"), "R");
            var issued = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                issued.Add((await first.IssueApiKeyAsync(root, router)).KeyId);
            }

            var regenerations = Enumerable.Range(0, 20).Select(i =>
                AnswerAsync(i % 2 == 0 ? first : second, HttpMethod.Post, $"/api/v1/admin/routers/{router}/api-keys/regenerate", root));
            var revocations = issued.Select((keyId, i) =>
                AnswerAsync(i % 2 == 0 ? second : first, HttpMethod.Delete, $"/api/v1/admin/routers/{router}/api-keys/{keyId}", root));
            var all = await Task.WhenAll(regenerations.Concat(revocations));

            Assert.All(all[20..], a => Assert.True(a.Status == HttpStatusCode.OK, $"revoke answered {(int)a.Status}: {a.Body}"));
            var states = await StatesAsync(first, root, router);
            Assert.All(issued, keyId => Assert.Equal("revocada", states[keyId]));
            AssertOneActiveKeyFromAWinner(states, all[..20]);
        }
    }

    private static void AssertOneActiveKeyFromAWinner(Dictionary<string, string> states, IReadOnlyList<(HttpStatusCode Status, string Body)> answers)
    {
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"regenerate answered {(int)a.Status}: {a.Body}"));
        var winners = answers.Where(a => a.Status == HttpStatusCode.Created)
            .Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()!)
            .ToList();
        var active = Assert.Single(states, s => s.Value == "activa").Key;
        Assert.NotEmpty(winners);
        Assert.Contains(active, winners);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.Conflict), a => Assert.Contains("\"status\":409", a.Body, StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, string>> StatesAsync(TenancyHost host, string root, long router)
    {
        var list = await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/routers/{router}/api-keys?limit=200", root);
        return list.GetProperty("items").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!, k => k.GetProperty("estado").GetString()!);
    }

    private static async Task<(HttpStatusCode Status, string Body)> AnswerAsync(TenancyHost host, HttpMethod method, string path, string bearer)
    {
        // Regenerating rotates one scope's keys; the keys issued here are integration keys.
        using var response = await host.SendAsync(method, path, bearer, method == HttpMethod.Post ? new { alcance = Hotspot.Auth.KeyScopes.IntegrationName } : null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
