namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// A decoded PHP-bracket form value: either a leaf string or an ordered map of children (a PHP array, whose
/// list form has the keys <c>0..n</c>). Produced by <see cref="PhpFormDecoder"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-php-form-node-v1")]
public sealed record PhpFormNode
{
    /// <summary>An empty map.</summary>
    public static PhpFormNode Empty { get; } = new();

    /// <summary>The text of a leaf; null for a map.</summary>
    [Id(0)] public string? Value { get; init; }

    /// <summary>The children of a map in the order the form first named them; empty for a leaf.</summary>
    [Id(1)] public ImmutableArray<PhpFormEntry> Children { get; init; } = [];

    /// <summary>True for a leaf string.</summary>
    public bool IsLeaf => Value is not null;

    /// <summary>The child named <paramref name="key"/>, or null.</summary>
    public PhpFormNode? this[string key]
    {
        get
        {
            foreach (var entry in Children)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    return entry.Node;
                }
            }

            return null;
        }
    }

    /// <summary>Creates a leaf.</summary>
    public static PhpFormNode Leaf(string value) => new() { Value = value };

    /// <summary>The leaf text at <paramref name="path"/> (<c>GetString("auth", "domain")</c>), or null.</summary>
    public string? GetString(params ReadOnlySpan<string> path)
    {
        var node = this;
        foreach (var key in path)
        {
            node = node[key];
            if (node is null)
            {
                return null;
            }
        }

        return node.Value;
    }

    /// <summary>
    /// The node as plain nested dictionaries: a leaf is a <see cref="string"/>, a map an
    /// <see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to such values.
    /// </summary>
    public object ToPlainValue() =>
        Value ?? (object)Children.ToDictionary(e => e.Key, e => e.Node.ToPlainValue(), StringComparer.Ordinal);

    /// <summary>
    /// Flattens the node back to bracket pairs (<c>data[USER_ID][0]=11</c>), the inverse of
    /// <see cref="PhpFormDecoder.Decode"/> up to explicit list indices.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Flatten()
    {
        foreach (var entry in Children)
        {
            foreach (var pair in entry.Node.FlattenUnder(entry.Key))
            {
                yield return pair;
            }
        }
    }

    private IEnumerable<KeyValuePair<string, string>> FlattenUnder(string prefix)
    {
        if (Value is not null)
        {
            yield return new(prefix, Value);
            yield break;
        }

        foreach (var entry in Children)
        {
            foreach (var pair in entry.Node.FlattenUnder(prefix + "[" + entry.Key + "]"))
            {
                yield return pair;
            }
        }
    }
}
