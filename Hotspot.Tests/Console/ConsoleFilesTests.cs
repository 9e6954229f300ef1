using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Hotspot.OperatorConsole;
using Hotspot.Tests.Deploy;
using Hotspot.Tests.Infrastructure;

namespace Hotspot.Tests.OperatorConsole;

/// <summary>
/// The operator console as the DevHost serves it at /console/ (the Functions worker binds the same route, see the
/// parity tests): the repository's console/ files, byte for byte, with their media types and the headers that keep
/// the page's scripts its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ConsoleFilesTests(DevHostFixture shared) : IClassFixture<DevHostFixture>
{
    private static readonly string Folder = Path.Combine(RepositoryFiles.Root, "console");

    public static TheoryData<string> Files() => new(RelativePaths());

    private static IEnumerable<string> RelativePaths() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    [Fact]
    public async Task The_page_at_console_slash_is_index_html_with_a_strict_policy_and_no_inline_script()
    {
        using var response = await shared.Client.GetAsync(new Uri("/console/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, "index.html")), html);
        var policy = string.Join("; ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoCache, "every file revalidates");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(InlineScripts().Matches(html));
        Assert.Empty(EventAttributes().Matches(html));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_file_of_console_is_served_as_it_is_in_the_repository_with_its_media_type(string path)
    {
        using var response = await shared.Client.GetAsync(new Uri("/console/" + path, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Folder, path)), bytes);
        var expected = Path.GetExtension(path) switch
        {
            ".html" => "text/html",
            ".css" => "text/css",
            ".js" => "text/javascript",
            ".svg" => "image/svg+xml",
            var other => throw new InvalidOperationException($"console/{path}: no media type for {other}"),
        };
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_file_asked_again_with_its_entity_tag_answers_304_without_a_body()
    {
        using var first = await shared.Client.GetAsync(new Uri("/console/js/app.js", UriKind.Relative));
        var tag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/console/js/app.js");
        again.Headers.IfNoneMatch.Add(tag!);
        using var response = await shared.Client.SendAsync(again);

        Assert.NotNull(tag);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/console/nothing.js")]
    [InlineData("/console/js/../../appsettings.json")]
    [InlineData("/console/%2e%2e/Hotspot.Core.dll")]
    [InlineData("/console/js")]
    public async Task Anything_else_under_console_is_404(string path)
    {
        using var response = await shared.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_embedded_files_are_exactly_the_folder()
    {
        Assert.Equal(RelativePaths(), ConsoleFiles.All.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// What the console does with a value from the API: text only. No HTML parser is reached from script, no code is
    /// made from strings, and nothing is fetched from another host.
    /// </summary>
    [Fact]
    public void The_scripts_never_parse_html_or_strings_as_code_and_name_no_other_host()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(Folder, file);
            foreach (var banned in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "DOMParser", "createContextualFragment", "localStorage", "document.cookie" })
            {
                Assert.False(text.Contains(banned, StringComparison.Ordinal), $"console/{name} uses {banned}");
            }

            foreach (Match url in AbsoluteUrls().Matches(text))
            {
                Assert.True(url.Value.StartsWith("http://www.w3.org/", StringComparison.Ordinal), $"console/{name} names another host: {url.Value}");
            }
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttributes();

    [GeneratedRegex(@"https?://[^\s'""`)]+", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrls();
}
