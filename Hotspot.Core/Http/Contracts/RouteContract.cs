using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Hotspot.Http.Contracts;

/// <summary>
/// What a route accepts and answers: its request body, query parameters, responses and the status codes it can give.
/// Declared beside the route in <see cref="RouteTable"/>; the OpenAPI document is generated from it, and the tests check
/// live answers against it.
/// </summary>
public sealed record RouteContract(string Summary)
{
    public string? Description { get; init; }

    public RequestContract? Request { get; init; }

    public ImmutableList<ParameterContract> Query { get; init; } = [];

    public ImmutableList<ResponseContract> Responses { get; init; } = [];

    /// <summary>Set where the handler authenticates by itself (seed 002's <c>api-key</c>) instead of the route's <see cref="AuthKind"/>.</summary>
    public ImmutableList<SecurityScheme>? Security { get; init; }

    public RouteContract Describe(string description) => this with { Description = description };

    public RouteContract Accepts<T>(JsonNode? example = null) =>
        this with { Request = new RequestContract(typeof(T), [MediaTypes.Json], example) };

    /// <summary>A body described by hand, in one or more media types (seed 002 takes JSON or a form).</summary>
    public RouteContract Accepts(JsonObject schema, string[] mediaTypes, JsonNode? example = null) =>
        this with { Request = new RequestContract(null, mediaTypes, example) { Schema = schema } };

    public RouteContract WithQuery(string name, string description, bool required = false, string type = "string") =>
        this with { Query = Query.Add(new ParameterContract(name, description, required, type)) };

    /// <summary>A list answered a page at a time: <c>limit</c> and <c>continuation_token</c>.</summary>
    public RouteContract Paged() =>
        WithQuery("limit", $"Items per page, 1 to {Paging.MaxLimit} (default {Paging.DefaultLimit}).", type: "integer")
            .WithQuery("continuation_token", "The previous page's continuation_token.");

    public RouteContract Answers<T>(int status, string description, params (string Name, JsonNode Value)[] examples) =>
        Answers(new ResponseContract(status, description, typeof(T), MediaTypes.Json, ToExamples(examples)));

    public RouteContract AnswersWithSchema(int status, string description, JsonObject schema, params (string Name, JsonNode Value)[] examples) =>
        Answers(new ResponseContract(status, description, null, MediaTypes.Json, ToExamples(examples)) { Schema = schema });

    public RouteContract AnswersHtml(int status, string description) => AnswersText(status, description, MediaTypes.Html);

    /// <summary>A text body that is not JSON: a page, a script, a file to download.</summary>
    public RouteContract AnswersText(int status, string description, string mediaType) =>
        Answers(new ResponseContract(status, description, null, mediaType, ImmutableDictionary<string, JsonNode>.Empty) { Schema = new JsonObject { ["type"] = "string" } });

    /// <summary>A text file answer (CSV), described as a string.</summary>
    public RouteContract AnswersFile(int status, string description, string mediaType) =>
        Answers(new ResponseContract(status, description, null, mediaType, ImmutableDictionary<string, JsonNode>.Empty) { Schema = new JsonObject { ["type"] = "string" } });

    public RouteContract AnswersEmpty(int status, string description) =>
        Answers(new ResponseContract(status, description, null, null, ImmutableDictionary<string, JsonNode>.Empty));

    /// <summary>Failures answered as RFC 9457 problem details (the common ones the pipeline gives are added by <see cref="ForRoute"/>).</summary>
    public RouteContract Fails(params int[] statuses)
    {
        var contract = this;
        foreach (var status in statuses)
        {
            contract = contract.Answers(ResponseContract.Problem(status));
        }

        return contract;
    }

    public RouteContract AuthenticatesWith(params SecurityScheme[] schemes) => this with { Security = [.. schemes] };

    /// <summary>This contract with the answers every route of <paramref name="auth"/> can give: 408/413 for a body too slow
    /// or too large, 401/403 from authentication, 400/422 for a JSON body, 500 for an unexpected failure. A route's own declaration wins where both name a status.</summary>
    public RouteContract ForRoute(AuthKind auth)
    {
        // The pipeline reads every request's body before the handler: too large (413) or too slow (408) on any route.
        var implied = new List<int> { 408, 413, 500 };
        if (auth != AuthKind.Anonymous)
        {
            implied.Add(401);
        }

        if (auth is AuthKind.SuperAdmin or AuthKind.ClienteAdmin or AuthKind.IntegrationKey)
        {
            implied.Add(403);
        }

        if (Request is { } request && request.MediaTypes.Contains(MediaTypes.Json))
        {
            implied.AddRange([400, 422]);
        }

        var contract = this;
        foreach (var status in implied.Where(s => !Responses.Any(r => r.Status == s)))
        {
            contract = contract.Answers(ResponseContract.Problem(status));
        }

        return contract with { Responses = [.. contract.Responses.OrderBy(r => r.Status)] };
    }

    private RouteContract Answers(ResponseContract response)
    {
        if (Responses.Any(r => r.Status == response.Status))
        {
            throw new InvalidOperationException($"{Summary}: status {response.Status} declared twice.");
        }

        return this with { Responses = Responses.Add(response) };
    }

    private static ImmutableDictionary<string, JsonNode> ToExamples((string Name, JsonNode Value)[] examples) =>
        examples.ToImmutableDictionary(e => e.Name, e => e.Value);
}

public sealed record RequestContract(Type? Body, IReadOnlyList<string> MediaTypes, JsonNode? Example)
{
    /// <summary>A schema given by hand where the body has no CLR type.</summary>
    public JsonObject? Schema { get; init; }
}

public sealed record ParameterContract(string Name, string Description, bool Required, string Type);

/// <summary>One status a route answers: its body type (or explicit schema) and media type; none for an empty body.</summary>
public sealed record ResponseContract(int Status, string Description, Type? Body, string? MediaType, IReadOnlyDictionary<string, JsonNode> Examples)
{
    /// <summary>A schema given by hand where the body has no CLR type (seed 002's dictionaries, HTML).</summary>
    public JsonObject? Schema { get; init; }

    public bool IsProblem => MediaType == MediaTypes.Problem;

    public static ResponseContract Problem(int status) =>
        new(status, ProblemDescriptions.For(status), null, MediaTypes.Problem, ImmutableDictionary<string, JsonNode>.Empty);
}

public enum SecurityScheme
{
    /// <summary>An admin session token: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    Session,

    /// <summary>A router API key in <c>X-API-Key: jwt_...</c> (seed 000).</summary>
    RouterApiKeyHeader,

    /// <summary>A router API key as <c>Authorization: Bearer jwt_...</c> (seed 004).</summary>
    RouterApiKeyBearer,

    /// <summary>Seed 002's <c>api-key</c> parameter (query string or body).</summary>
    ActionApiKeyParameter,

    /// <summary>The deployment's RADIUS secret in <c>X-Hotspot-Radius-Secret</c> (FreeRADIUS's rlm_rest).</summary>
    RadiusRestSecret,
}

public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";
    public const string Html = "text/html";
    public const string JavaScript = "text/javascript";
    public const string PlainText = "text/plain";
    public const string Form = "application/x-www-form-urlencoded";
    public const string Csv = "text/csv";
}
