using System.Globalization;
using System.Text;

namespace Hotspot.Simulators.Unifi;

/// <summary>
/// The Integration API's <c>filter</c> language, as far as the simulator needs it: <c>prop.eq(v)</c>,
/// <c>prop.ne(v)</c>, <c>and(...)</c>, <c>or(...)</c>, <c>not(x)</c>; values are <c>'strings'</c> (a quote doubled),
/// <c>true</c>, <c>false</c> or integers. Anything else is a <see cref="FormatException"/> (a 400 on the wire).
/// </summary>
internal abstract class FilterExpression
{
    public abstract bool Matches(Func<string, object?> property);

    /// <param name="properties">The filterable properties; strings compared case-insensitively are flagged true.</param>
    public static FilterExpression Parse(string text, IReadOnlyDictionary<string, bool> properties)
    {
        var parser = new Parser(text, properties);
        var expression = parser.ParseExpression();
        parser.ExpectEnd();
        return expression;
    }

    private sealed class Logical(string op, IReadOnlyList<FilterExpression> operands) : FilterExpression
    {
        public override bool Matches(Func<string, object?> property) => op switch
        {
            "and" => operands.All(o => o.Matches(property)),
            "or" => operands.Any(o => o.Matches(property)),
            _ => !operands[0].Matches(property),
        };
    }

    private sealed class Comparison(string name, bool ignoreCase, bool negate, object value) : FilterExpression
    {
        public override bool Matches(Func<string, object?> property)
        {
            var actual = property(name);
            var equal = (actual, value) switch
            {
                (string a, string b) => string.Equals(a, b, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
                (null, _) => false,
                _ => actual.Equals(value),
            };
            return equal != negate;
        }
    }

    private sealed class Parser(string text, IReadOnlyDictionary<string, bool> properties)
    {
        private const int MaxDepth = 16;
        private int _position;
        private int _depth;

        public FilterExpression ParseExpression()
        {
            if (++_depth > MaxDepth)
            {
                throw new FormatException("The filter is nested too deeply.");
            }

            var path = ReadPath();
            Expect('(');
            FilterExpression result;
            if (path is "and" or "or" or "not")
            {
                var operands = new List<FilterExpression> { ParseExpression() };
                while (TryRead(','))
                {
                    operands.Add(ParseExpression());
                }

                if ((path == "not" && operands.Count != 1) || (path != "not" && operands.Count < 2))
                {
                    throw new FormatException($"'{path}' takes {(path == "not" ? "one expression" : "two or more expressions")}.");
                }

                result = new Logical(path, operands);
            }
            else
            {
                var dot = path.LastIndexOf('.');
                var (name, function) = dot < 0 ? (path, "") : (path[..dot], path[(dot + 1)..]);
                if (!properties.TryGetValue(name, out var ignoreCase))
                {
                    throw new FormatException($"'{name}' is not a filterable property here.");
                }

                if (function is not ("eq" or "ne"))
                {
                    throw new FormatException($"The filter function '{function}' is not supported by the simulator (eq, ne, and, or, not are).");
                }

                result = new Comparison(name, ignoreCase, function == "ne", ReadValue());
            }

            Expect(')');
            _depth--;
            return result;
        }

        public void ExpectEnd()
        {
            if (_position != text.Length)
            {
                throw new FormatException($"Unexpected text at position {_position} of the filter.");
            }
        }

        private string ReadPath()
        {
            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '.'))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw new FormatException($"Expected a property or function at position {start} of the filter.");
        }

        private object ReadValue()
        {
            if (TryRead('\''))
            {
                var value = new StringBuilder();
                while (_position < text.Length)
                {
                    var c = text[_position++];
                    if (c != '\'')
                    {
                        value.Append(c);
                    }
                    else if (TryRead('\''))
                    {
                        value.Append('\'');
                    }
                    else
                    {
                        return value.ToString();
                    }
                }

                throw new FormatException("A quoted value in the filter is not closed.");
            }

            var word = ReadPath();
            return word switch
            {
                "true" => true,
                "false" => false,
                _ when long.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                _ => throw new FormatException($"'{word}' is not a filter value (quote strings: 'text')."),
            };
        }

        private void Expect(char c)
        {
            if (!TryRead(c))
            {
                throw new FormatException($"Expected '{c}' at position {_position} of the filter.");
            }
        }

        private bool TryRead(char c)
        {
            if (_position < text.Length && text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }
    }
}
