using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Hotspot.OperatorConsole;

/// <summary>One file of the operator console, as embedded in this assembly: its bytes, media type and entity tag.</summary>
public sealed record ConsoleFile(string Path, byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>
/// The operator console's static files (the repository's <c>console/</c> folder), embedded in Hotspot.Core at build
/// time so that the DevHost and the Functions worker serve the same bytes with nothing to deploy beside them.
/// </summary>
public static class ConsoleFiles
{
    private const string Prefix = "console/";

    private static readonly FrozenDictionary<string, string> MediaTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<FrozenDictionary<string, ConsoleFile>> Files = new(Load);

    /// <summary>Every file by its path under <c>/console/</c> (<c>index.html</c>, <c>js/app.js</c>, …).</summary>
    public static IReadOnlyDictionary<string, ConsoleFile> All => Files.Value;

    /// <summary>The file at <paramref name="path"/> (empty: <c>index.html</c>); null for anything else, including a path that tries to leave the folder.</summary>
    public static ConsoleFile? Find(string? path)
    {
        var wanted = string.IsNullOrEmpty(path) ? "index.html" : path;
        return Files.Value.GetValueOrDefault(wanted);
    }

    private static FrozenDictionary<string, ConsoleFile> Load()
    {
        var assembly = typeof(ConsoleFiles).Assembly;
        var files = new Dictionary<string, ConsoleFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var path = name[Prefix.Length..].Replace('\\', '/');
            if (!MediaTypes.TryGetValue(System.IO.Path.GetExtension(path), out var type))
            {
                continue;
            }

            var content = Read(assembly, name);
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
            files[path] = new ConsoleFile(path, content, type, tag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
