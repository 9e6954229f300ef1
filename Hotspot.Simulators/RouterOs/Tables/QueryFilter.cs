using System.Globalization;

namespace Hotspot.Simulators.RouterOs;

/// <summary>
/// The print query stack: each <c>?</c> word pushes a boolean; <c>?#</c> combines them; what is left is and-ed.
/// A malformed operation sets the error.
/// </summary>
internal static class QueryFilter
{
    public static bool Matches(IReadOnlyList<string> queryWords, IReadOnlyDictionary<string, string> row, out string? error)
    {
        error = null;
        var stack = new List<bool>();
        foreach (var word in queryWords)
        {
            var body = word[1..];
            if (body.StartsWith('#'))
            {
                if (!Apply(body[1..], stack))
                {
                    error = "invalid query operation";
                    return false;
                }
            }
            else
            {
                stack.Add(Test(body, row));
            }
        }

        return stack.TrueForAll(b => b);
    }

    private static bool Test(string body, IReadOnlyDictionary<string, string> row)
    {
        switch (body.Length > 0 ? body[0] : '\0')
        {
            case '-':
                return !row.ContainsKey(body[1..]);
            case '<':
            case '>':
            case '=':
                var (name, value) = Split(body[1..]);
                if (!row.TryGetValue(name, out var actual))
                {
                    return false;
                }

                return body[0] switch
                {
                    '=' => actual == value,
                    '<' => Compare(actual, value) < 0,
                    _ => Compare(actual, value) > 0,
                };
            default:
                var separator = body.IndexOf('=', StringComparison.Ordinal);
                return separator < 0 ? row.ContainsKey(body) : row.TryGetValue(body[..separator], out var v) && v == body[(separator + 1)..];
        }
    }

    private static (string Name, string Value) Split(string text)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        return separator < 0 ? (text, string.Empty) : (text[..separator], text[(separator + 1)..]);
    }

    private static int Compare(string left, string right) =>
        long.TryParse(left, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && long.TryParse(right, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);

    private static bool Apply(string operations, List<bool> stack)
    {
        foreach (var op in operations)
        {
            switch (op)
            {
                case '!' when stack.Count >= 1:
                    stack[^1] = !stack[^1];
                    break;
                case '&' when stack.Count >= 2:
                case '|' when stack.Count >= 2:
                    var (a, b) = (stack[^2], stack[^1]);
                    stack.RemoveRange(stack.Count - 2, 2);
                    stack.Add(op == '&' ? a && b : a || b);
                    break;
                case '.' when stack.Count >= 1:
                    stack.Add(stack[^1]);
                    break;
                case >= '0' and <= '9' when op - '0' < stack.Count:
                    stack.Add(stack[op - '0']);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
