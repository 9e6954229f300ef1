namespace Hotspot.Tests.Deploy;

/// <summary>Files of the repository the tests run from (found by walking up to Hotspot.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static IEnumerable<string> Under(string relativeDirectory, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, relativeDirectory), pattern, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hotspot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Hotspot.sln not found above " + AppContext.BaseDirectory);
    }
}
