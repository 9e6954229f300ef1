namespace Hotspot.Http;

/// <summary>Collects invalid fields; answers 422 naming all of them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IEnumerable<string> Fields => _errors.Keys;

    public FieldErrors Add(string field, string message)
    {
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }

    public IResult ToResult() => Problems.Invalid(_errors);

    /// <summary>Throws the 422 failure when any field was invalid.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InvalidFieldsException(this);
        }
    }
}
