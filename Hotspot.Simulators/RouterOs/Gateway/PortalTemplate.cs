using System.Text;

namespace Hotspot.Simulators.RouterOs.Gateway;

/// <summary>
/// MikroTik's page language: <c>$(name)</c> is replaced by the variable's value (empty when unknown) and
/// <c>$(if x)</c>, <c>$(elif x)</c>, <c>$(else)</c>, <c>$(endif)</c> keep or drop what they enclose, nested. A condition is
/// a variable (true when it is not empty) or a comparison <c>x == 'text'</c> / <c>x != 'text'</c>.
/// </summary>
internal static class PortalTemplate
{
    /// <param name="encode">Applied to every substituted value (HTML-escaping for pages, none for <c>errors.txt</c>).</param>
    public static string Render(string template, IReadOnlyDictionary<string, string> variables, Func<string, string> encode)
    {
        ArgumentNullException.ThrowIfNull(template);
        var output = new StringBuilder(template.Length);
        var frames = new Stack<Frame>();
        var position = 0;
        while (position < template.Length)
        {
            var start = template.IndexOf("$(", position, StringComparison.Ordinal);
            var end = start < 0 ? -1 : template.IndexOf(')', start + 2);
            if (start < 0 || end < 0)
            {
                AppendIf(output, frames, template.AsSpan(position));
                break;
            }

            AppendIf(output, frames, template.AsSpan(position, start - position));
            var directive = template[(start + 2)..end].Trim();
            position = end + 1;
            if (Keyword(directive, "if") is { } condition)
            {
                var shown = Showing(frames) && Holds(condition, variables);
                frames.Push(new Frame(Showing(frames), shown, shown));
            }
            else if (Keyword(directive, "elif") is { } alternative && frames.Count > 0)
            {
                var frame = frames.Pop();
                var shown = frame.Parent && !frame.Taken && Holds(alternative, variables);
                frames.Push(frame with { Taken = frame.Taken || shown, Shown = shown });
            }
            else if (directive == "else" && frames.Count > 0)
            {
                var frame = frames.Pop();
                frames.Push(frame with { Taken = true, Shown = frame.Parent && !frame.Taken });
            }
            else if (directive == "endif" && frames.Count > 0)
            {
                frames.Pop();
            }
            else if (IsName(directive))
            {
                if (Showing(frames))
                {
                    output.Append(encode(variables.GetValueOrDefault(directive, string.Empty)));
                }
            }
            else
            {
                // Not the page language (say, "$(document)" in a script): left as written.
                AppendIf(output, frames, template.AsSpan(start, end + 1 - start));
            }
        }

        return output.ToString();
    }

    private static void AppendIf(StringBuilder output, Stack<Frame> frames, ReadOnlySpan<char> text)
    {
        if (Showing(frames))
        {
            output.Append(text);
        }
    }

    private static bool Showing(Stack<Frame> frames) => frames.Count == 0 || frames.Peek().Shown;

    private static string? Keyword(string directive, string keyword) =>
        directive.StartsWith(keyword + " ", StringComparison.Ordinal) ? directive[(keyword.Length + 1)..].Trim() : null;

    private static bool Holds(string condition, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (op, equal) in new[] { ("==", true), ("!=", false) })
        {
            var at = condition.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var value = variables.GetValueOrDefault(condition[..at].Trim(), string.Empty);
                var expected = condition[(at + 2)..].Trim().Trim('\'', '"');
                return string.Equals(value, expected, StringComparison.Ordinal) == equal;
            }
        }

        return variables.GetValueOrDefault(condition, string.Empty).Length > 0;
    }

    private static bool IsName(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <param name="Parent">Whether the enclosing block shows.</param>
    /// <param name="Taken">Whether a branch of this block has shown already.</param>
    /// <param name="Shown">Whether the current branch shows.</param>
    private sealed record Frame(bool Parent, bool Taken, bool Shown);
}
