using System.Net;
using System.Text.Json.Nodes;
using Hotspot.Http;
using Hotspot.Http.Contracts;
using Hotspot.Http.OpenApi;
using Hotspot.Tests.Deploy;
using Hotspot.Tests.Infrastructure;
using Hotspot.Tests.Tenancy;
using Microsoft.OpenApi;

namespace Hotspot.Tests.OpenApi;

[Collection(AzuriteCollection.Name)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite)
{
    private static readonly JsonObject Document = OpenApiDocumentBuilder.Build(RouteTable.All);

    [Fact]
    public void The_document_is_valid_OpenAPI_3_1_for_the_OpenAPI_NET_reader()
    {
        var result = OpenApiDocument.Parse(Document.ToJsonString(), "json");

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
    }

    [Fact]
    public void Every_route_appears_with_each_of_its_verbs_its_declared_answers_and_its_auth_scheme()
    {
        var paths = Document["paths"]!.AsObject();

        foreach (var route in RouteTable.All)
        {
            var item = paths[route.Path];
            Assert.True(item is not null, $"{route.Name}: {route.Path} missing");
            foreach (var verb in route.Verbs)
            {
                var operation = item![verb.ToLowerInvariant()];
                Assert.True(operation is not null, $"{route.Name}: {verb} missing");
                var statuses = operation!["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Contains(statuses, s => s is >= 200 and < 400);
                Assert.Contains(500, statuses);
                var schemes = operation["security"]!.AsArray().SelectMany(s => s!.AsObject().Select(p => p.Key)).ToList();
                var expected = route.Auth switch
                {
                    AuthKind.Anonymous when route.Contract.Security is null => [],
                    AuthKind.Anonymous => ["actionApiKey", "routerApiKey"],
                    AuthKind.PortalKey or AuthKind.IntegrationKey => ["routerApiKey", "routerApiKeyBearer"],
                    AuthKind.RadiusSecret => ["radiusRestSecret"],
                    _ => new[] { "session" },
                };
                Assert.Equal(expected.Order(), schemes.Order());
                if (route.Auth != AuthKind.Anonymous)
                {
                    Assert.Contains(401, statuses);
                }
            }
        }

        var operations = paths.Sum(p => p.Value!.AsObject().Count);
        Assert.Equal(RouteTable.All.Sum(r => r.Verbs.Count), operations);
    }

    [Fact]
    public void No_schema_points_outside_the_components_and_every_reference_resolves()
    {
        var text = Document.ToJsonString();
        var schemas = Document["components"]!["schemas"]!.AsObject();

        var references = System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\":\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("#/components/schemas/", r, StringComparison.Ordinal));
        Assert.All(references, r => Assert.True(schemas.ContainsKey(r["#/components/schemas/".Length..]), r));
    }

    [Fact]
    public void A_route_whose_contract_declares_no_success_answer_is_caught()
    {
        var bare = new HotspotRoute("Bare", ["GET"], "/api/v1/bare", AuthKind.Session, (_, _) => Task.FromResult(Microsoft.AspNetCore.Http.Results.Ok()), new RouteContract("Bare"));

        var operation = OpenApiDocumentBuilder.Build([bare])["paths"]!["/api/v1/bare"]!["get"]!;

        Assert.DoesNotContain(operation["responses"]!.AsObject(), r => r.Key.StartsWith('2'));
        Assert.Throws<InvalidOperationException>(() => new RouteContract("Twice").Fails(404).Fails(404));
    }

    [Fact]
    public void The_seed_examples_in_the_document_are_the_seeds_own_text()
    {
        Assert.True(JsonNode.DeepEquals(Fixture("000-reconnect-request.json"), SeedExamples.ReconnectRequest));
        Assert.True(JsonNode.DeepEquals(Fixture("000-reconnect-connected.json"), SeedExamples.ReconnectConnected));
        Assert.True(JsonNode.DeepEquals(Fixture("000-reconnect-expired.json"), SeedExamples.ReconnectExpired));
        Assert.True(JsonNode.DeepEquals(Fixture("000-reconnect-inactive-company.json"), SeedExamples.ReconnectInactiveCompany));
        Assert.True(JsonNode.DeepEquals(Fixture("002-create-voucher-request.json"), SeedExamples.CreateVoucherRequest));
        Assert.True(JsonNode.DeepEquals(Fixture("002-voucher-created.json"), SeedExamples.VoucherCreated));
        Assert.True(JsonNode.DeepEquals(Fixture("002-voucher-removed.json"), SeedExamples.VoucherRemoved));
        Assert.True(JsonNode.DeepEquals(Fixture("002-active-guests.json"), SeedExamples.ActiveGuests));
        var reconnect = Document["paths"]!["/api/v1/hotspot/auto-reconnect"]!["post"]!;
        Assert.True(JsonNode.DeepEquals(SeedExamples.ReconnectConnected, reconnect["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["connected"]!["value"]));
    }

    [Fact]
    public async Task Both_hosts_serve_the_document_the_route_table_describes()
    {
        await using var host = await RunningDevHost.StartAsync(azurite);

        using var response = await host.Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.DeepEquals(Document, JsonNode.Parse(await response.Content.ReadAsStringAsync())));
        Assert.Equal(RouteTable.OpenApiDocument.Handler, Hotspot.Http.OpenApi.OpenApiEndpoint.GetAsync);
    }

    /// <summary>A seed's example, kept in the repository exactly as the seed document prints it (see SeedFixtures/README.md).</summary>
    private static JsonNode Fixture(string file) =>
        JsonNode.Parse(RepositoryFiles.Read(Path.Combine("Hotspot.Tests", "OpenApi", "SeedFixtures", file)))!;
}
