using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hotspot.Http.Contracts;

namespace Hotspot.Http.OpenApi;

/// <summary>
/// Writes the OpenAPI 3.1 document of a set of routes from their contracts: paths and verbs, auth schemes, parameters,
/// request and response schemas, problem details and the seeds' examples. Both hosts serve the same document.
/// </summary>
public static partial class OpenApiDocumentBuilder
{
    private static readonly HashSet<string> NumericIds = ["empresaId", "routerId", "usuarioId", "pageId"];

    public static JsonObject Build(IEnumerable<HotspotRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var schemas = new SchemaCatalog();
        var paths = new JsonObject();
        foreach (var route in routes)
        {
            var item = paths[route.Path] as JsonObject ?? new JsonObject();
            paths[route.Path] = item;
            foreach (var verb in route.Verbs)
            {
                item[verb.ToLowerInvariant()] = Operation(route, verb, schemas);
            }
        }

        schemas.Schemas["ProblemDetails"] = ProblemSchemas.Problem;
        schemas.Schemas["ValidationProblemDetails"] = ProblemSchemas.ValidationProblem;
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Hotspot API",
                ["version"] = "1",
                ["description"] = "Guest WiFi access for MikroTik and UniFi: captive-portal endpoints (seeds 000–003), "
                    + "admin REST for operators (seed 004 sessions), problem details (RFC 9457) for errors.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Schemas,
                ["securitySchemes"] = SecuritySchemes(),
            },
        };
    }

    private static JsonObject Operation(HotspotRoute route, string verb, SchemaCatalog schemas)
    {
        var contract = route.Contract;
        var operation = new JsonObject
        {
            ["operationId"] = route.Verbs.Count > 1 ? $"{route.Name}_{verb.ToLowerInvariant()}" : route.Name,
            ["summary"] = contract.Summary,
            ["tags"] = new JsonArray(TagOf(route)),
        };
        var scope = KeyScopeOf(route);
        if (scope is not null || contract.Description is not null)
        {
            operation["description"] = string.Join(" ", new[] { contract.Description, ScopeSentence(scope) }.OfType<string>());
        }

        if (scope is { } needed)
        {
            operation["x-alcance-api-key"] = Auth.KeyScopes.Name(needed);
        }

        if (Parameters(route) is { Count: > 0 } parameters)
        {
            operation["parameters"] = parameters;
        }

        if (contract.Request is { } request && verb is not ("GET" or "DELETE" or "HEAD"))
        {
            operation["requestBody"] = RequestBody(request, schemas);
        }

        var responses = new JsonObject();
        foreach (var response in contract.Responses)
        {
            responses[response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(response, schemas);
        }

        operation["responses"] = responses;
        operation["security"] = Security(route);
        return operation;
    }

    private static JsonArray Parameters(HotspotRoute route)
    {
        var parameters = new JsonArray();
        foreach (Match match in PathParameter().Matches(route.Path))
        {
            var name = match.Groups[1].Value;
            parameters.Add(new JsonObject
            {
                ["name"] = name,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = NumericIds.Contains(name) ? "integer" : "string" },
            });
        }

        foreach (var query in route.Contract.Query)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = query.Name,
                ["in"] = "query",
                ["required"] = query.Required,
                ["description"] = query.Description,
                ["schema"] = new JsonObject { ["type"] = query.Type },
            });
        }

        return parameters;
    }

    private static JsonObject RequestBody(RequestContract request, SchemaCatalog schemas)
    {
        var content = new JsonObject();
        foreach (var mediaType in request.MediaTypes)
        {
            var media = new JsonObject { ["schema"] = request.Body is { } body ? schemas.Reference(body, isAnswer: false) : request.Schema!.DeepClone() };
            if (request.Example is { } example && mediaType == MediaTypes.Json)
            {
                media["example"] = example.DeepClone();
            }

            content[mediaType] = media;
        }

        return new JsonObject { ["required"] = true, ["content"] = content };
    }

    private static JsonObject Response(ResponseContract response, SchemaCatalog schemas)
    {
        var answer = new JsonObject { ["description"] = response.Description };
        if (response.MediaType is not { } mediaType)
        {
            return answer;
        }

        var schema = response.IsProblem
            ? new JsonObject { ["$ref"] = response.Status == 422 ? "#/components/schemas/ValidationProblemDetails" : "#/components/schemas/ProblemDetails" }
            : response.Body is { } body ? schemas.Reference(body, isAnswer: true) : response.Schema!.DeepClone();
        var media = new JsonObject { ["schema"] = schema };
        if (response.Examples.Count > 0)
        {
            var examples = new JsonObject();
            foreach (var (name, value) in response.Examples)
            {
                examples[name] = new JsonObject { ["value"] = value.DeepClone() };
            }

            media["examples"] = examples;
        }

        if (response.Status is 429 or 503)
        {
            answer["headers"] = new JsonObject
            {
                ["Retry-After"] = new JsonObject { ["description"] = "Seconds to wait.", ["schema"] = new JsonObject { ["type"] = "integer" } },
            };
        }

        answer["content"] = new JsonObject { [mediaType] = media };
        return answer;
    }

    /// <summary>The key scope a route needs: its auth kind's, or integration for seed 002's own key parameter.</summary>
    private static Auth.KeyScope? KeyScopeOf(HotspotRoute route) =>
        route.Auth.IsRouterKey() ? route.Auth.RequiredScope()
        : route.Contract.Security?.Contains(SecurityScheme.ActionApiKeyParameter) == true ? Auth.KeyScope.Integration
        : null;

    private static string? ScopeSentence(Auth.KeyScope? scope) => scope switch
    {
        Auth.KeyScope.Portal => "Key scope: `portal` (the key published in the portal pages) or `integracion`.",
        Auth.KeyScope.Integration => "Key scope: `integracion` only (a server's secret key); a `portal` key gets 403.",
        _ => null,
    };

    private static JsonArray Security(HotspotRoute route)
    {
        var schemes = route.Contract.Security ?? route.Auth switch
        {
            AuthKind.Anonymous => [],
            AuthKind.PortalKey or AuthKind.IntegrationKey => [SecurityScheme.RouterApiKeyHeader, SecurityScheme.RouterApiKeyBearer],
            AuthKind.RadiusSecret => [SecurityScheme.RadiusRestSecret],
            _ => [SecurityScheme.Session],
        };
        return [.. schemes.Select(s => (JsonNode)new JsonObject { [SchemeName(s)] = new JsonArray() })];
    }

    private static JsonObject SecuritySchemes() => new()
    {
        [SchemeName(SecurityScheme.Session)] = new JsonObject
        {
            ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT",
            ["description"] = "An admin session token from POST /api/v1/auth/login, without prefix.",
        },
        [SchemeName(SecurityScheme.RouterApiKeyHeader)] = new JsonObject
        {
            ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-API-Key",
            ["description"] = "A router API key, jwt_<token> (seed 000).",
        },
        [SchemeName(SecurityScheme.RouterApiKeyBearer)] = new JsonObject
        {
            ["type"] = "http", ["scheme"] = "bearer",
            ["description"] = "A router API key as Authorization: Bearer jwt_<token> (seed 004). Never a session token.",
        },
        [SchemeName(SecurityScheme.ActionApiKeyParameter)] = new JsonObject
        {
            ["type"] = "apiKey", ["in"] = "query", ["name"] = "api-key",
            ["description"] = "Seed 002's api-key: in the query string, the JSON or form body, or X-API-Key.",
        },
        [SchemeName(SecurityScheme.RadiusRestSecret)] = new JsonObject
        {
            ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Hotspot-Radius-Secret",
            ["description"] = "The deployment's RADIUS secret (Hotspot:Radius:RestSecret), sent by FreeRADIUS's rlm_rest.",
        },
    };

    private static string SchemeName(SecurityScheme scheme) => scheme switch
    {
        SecurityScheme.Session => "session",
        SecurityScheme.RouterApiKeyHeader => "routerApiKey",
        SecurityScheme.RouterApiKeyBearer => "routerApiKeyBearer",
        SecurityScheme.ActionApiKeyParameter => "actionApiKey",
        SecurityScheme.RadiusRestSecret => "radiusRestSecret",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };

    private static string TagOf(HotspotRoute route) => route.Path switch
    {
        var p when p.StartsWith("/api/v1/admin", StringComparison.Ordinal) => "admin",
        var p when p.StartsWith("/api/v1/auth", StringComparison.Ordinal) => "auth",
        var p when p.StartsWith("/guest/", StringComparison.Ordinal) || p.StartsWith("/api/v1/unifi", StringComparison.Ordinal) => "unifi",
        var p when p.StartsWith("/api/v1/radius", StringComparison.Ordinal) => "radius",
        var p when p.StartsWith("/api/v1/", StringComparison.Ordinal) => "portal",
        "/api" => "action-api",
        _ => "service",
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PathParameter();
}
