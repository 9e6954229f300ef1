using System.Text.RegularExpressions;

namespace Hotspot.Tests.Deploy;

/// <summary>
/// Just enough of Bicep's syntax to read object literals without a Bicep compiler (none is available here): the keys
/// at the top level of an object, skipping strings, interpolations and comments.
/// </summary>
public static partial class BicepText
{
    /// <summary>The top-level keys of the object literal assigned to <c>var {name}</c>.</summary>
    public static IReadOnlyList<string> VariableObjectKeys(string bicep, string name)
    {
        var match = Regex.Match(bicep, $@"^\s*var\s+{Regex.Escape(name)}\s*=\s*\{{", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new FormatException($"No 'var {name} = {{' object in the Bicep text.");
        }

        return TopLevelKeys(bicep, match.Index + match.Length - 1);
    }

    /// <summary>The keys of the <c>params: {...}</c> object of each <c>module</c>, by module path.</summary>
    public static IReadOnlyList<(string Symbol, string Path, IReadOnlyList<string> Params)> Modules(string bicep)
    {
        var modules = new List<(string, string, IReadOnlyList<string>)>();
        foreach (Match module in ModuleDeclaration().Matches(bicep))
        {
            var body = bicep.IndexOf('{', module.Index + module.Length);
            var bodyKeys = TopLevelKeys(bicep, body);
            var paramsAt = bodyKeys.Contains("params") ? Regex.Match(bicep[body..], @"^\s*params\s*:\s*\{", RegexOptions.Multiline) : Match.Empty;
            var parameters = paramsAt.Success ? TopLevelKeys(bicep, body + paramsAt.Index + paramsAt.Length - 1) : [];
            modules.Add((module.Groups["symbol"].Value, module.Groups["path"].Value, parameters));
        }

        return modules;
    }

    /// <summary>The parameters a Bicep file declares, and whether each has a default.</summary>
    public static IReadOnlyDictionary<string, bool> Parameters(string bicep) =>
        ParameterDeclaration().Matches(bicep).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success, StringComparer.Ordinal);

    /// <summary>Keys of the object whose '{' is at <paramref name="openBrace"/>, in order.</summary>
    public static IReadOnlyList<string> TopLevelKeys(string text, int openBrace)
    {
        if (openBrace < 0 || openBrace >= text.Length || text[openBrace] != '{')
        {
            throw new FormatException("Expected '{' at the start of an object.");
        }

        var keys = new List<string>();
        var depth = 0;
        var lineStart = true;
        for (var i = openBrace; i < text.Length; i++)
        {
            var c = text[i];
            if (depth == 1 && lineStart && !char.IsWhiteSpace(c))
            {
                lineStart = false;
                var key = KeyAtLineStart().Match(text, i);
                if (key.Success && key.Index == i)
                {
                    keys.Add(key.Groups["quoted"].Success ? key.Groups["quoted"].Value : key.Groups["name"].Value);
                }
            }

            switch (c)
            {
                case '\n':
                    lineStart = true;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    i = SkipTo(text, i, '\n') - 1;
                    break;
                case '\'':
                    i = SkipString(text, i);
                    break;
                case '{' or '[' or '(':
                    depth++;
                    break;
                case '}' or ']' or ')':
                    depth--;
                    if (depth == 0)
                    {
                        return keys;
                    }

                    break;
            }
        }

        throw new FormatException("Unbalanced braces in the Bicep text.");
    }

    private static int SkipTo(string text, int from, char end)
    {
        var at = text.IndexOf(end, from);
        return at < 0 ? text.Length : at;
    }

    /// <summary>Index of the closing quote of the string opened at <paramref name="open"/> (escapes and ${...} included).</summary>
    private static int SkipString(string text, int open)
    {
        for (var i = open + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '$' when i + 1 < text.Length && text[i + 1] == '{':
                    var depth = 0;
                    for (i++; i < text.Length; i++)
                    {
                        if (text[i] == '{')
                        {
                            depth++;
                        }
                        else if (text[i] == '}' && --depth == 0)
                        {
                            break;
                        }
                        else if (text[i] == '\'')
                        {
                            i = SkipString(text, i);
                        }
                    }

                    break;
                case '\'':
                    return i;
            }
        }

        throw new FormatException("Unterminated string in the Bicep text.");
    }

    [GeneratedRegex(@"(?:'(?<quoted>[^']*)'|(?<name>[A-Za-z_][A-Za-z0-9_]*))\s*:")]
    private static partial Regex KeyAtLineStart();

    [GeneratedRegex(@"^\s*module\s+(?<symbol>[A-Za-z_][A-Za-z0-9_]*)\s+'(?<path>[^']+)'\s*=", RegexOptions.Multiline)]
    private static partial Regex ModuleDeclaration();

    [GeneratedRegex(@"^\s*param\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s+\w+(?<default>\s*=)?", RegexOptions.Multiline)]
    private static partial Regex ParameterDeclaration();
}
