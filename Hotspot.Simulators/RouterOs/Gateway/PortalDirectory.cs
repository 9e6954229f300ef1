namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>The hotspot's HTML directory: files are read fresh on every request, so a portal developer's edits show at once.</summary>
internal sealed class PortalDirectory(string root)
{
    private readonly string _root = Path.GetFullPath(root);

    public string Root => _root;

    /// <summary>The text of a page, or null when the directory has no such file.</summary>
    public async Task<string?> ReadTextAsync(string name, CancellationToken cancellationToken) =>
        Resolve(name) is { } path ? await File.ReadAllTextAsync(path, cancellationToken) : null;

    /// <summary>The full path of a file inside the directory, or null when it is missing or would lie outside it.</summary>
    public string? Resolve(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(_root, relative.TrimStart('/')));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }
}
