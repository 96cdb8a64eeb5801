using System.Globalization;
using System.Net;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Decodes an <c>application/x-www-form-urlencoded</c> body the way PHP's <c>parse_str</c> does, which is how
/// Bitrix24 builds the event POSTs it sends us (reference §4.1): <c>a[b][0]=x</c> nests, <c>a[]=x</c> appends
/// with the next integer key, a later scalar for the same key wins.
/// </summary>
public static class PhpFormDecoder
{
    /// <summary>Decodes a form body (or a query string without its leading <c>?</c>) into a tree.</summary>
    public static PhpFormNode Decode(string body)
    {
        var root = new Builder();
        foreach (var piece in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            var rawKey = equals < 0 ? piece : piece[..equals];
            var rawValue = equals < 0 ? string.Empty : piece[(equals + 1)..];
            var key = WebUtility.UrlDecode(rawKey);
            var value = WebUtility.UrlDecode(rawValue);
            var path = SplitKey(key);
            if (path is not null)
            {
                root.Assign(path, 0, value);
            }
        }

        return root.Build();
    }

    /// <summary>
    /// Splits <c>a[b][]</c> into <c>a</c>, <c>b</c>, <c>""</c> (an empty segment means "append").
    /// Returns null for keys PHP ignores (empty base name).
    /// </summary>
    private static List<string>? SplitKey(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return key.Length == 0 ? null : [key];
        }

        var baseName = key[..open];
        if (baseName.Length == 0)
        {
            return null;
        }

        var segments = new List<string> { baseName };
        var position = open;
        while (position < key.Length && key[position] == '[')
        {
            var close = key.IndexOf(']', position + 1);
            if (close < 0)
            {
                // PHP keeps a key with an unbalanced bracket as a flat name; so do we.
                return segments.Count == 1 ? [key] : segments;
            }

            segments.Add(key[(position + 1)..close]);
            position = close + 1;
        }

        return segments;
    }

    private sealed class Builder
    {
        private readonly List<(string Key, Builder Node)> _children = [];
        private string? _value;

        public void Assign(List<string> path, int depth, string value)
        {
            if (depth == path.Count)
            {
                _value = value;
                _children.Clear();
                return;
            }

            // A scalar that later gets children becomes an array, as in PHP.
            _value = null;
            var key = path[depth].Length == 0 ? NextIndex() : path[depth];
            var child = Find(key);
            if (child is null)
            {
                child = new Builder();
                _children.Add((key, child));
            }

            child.Assign(path, depth + 1, value);
        }

        public PhpFormNode Build() =>
            _value is not null
                ? PhpFormNode.Leaf(_value)
                : new PhpFormNode { Children = [.. _children.Select(c => new PhpFormEntry(c.Key, c.Node.Build()))] };

        private Builder? Find(string key)
        {
            foreach (var (existing, node) in _children)
            {
                if (string.Equals(existing, key, StringComparison.Ordinal))
                {
                    return node;
                }
            }

            return null;
        }

        private string NextIndex()
        {
            var next = 0L;
            foreach (var (key, _) in _children)
            {
                if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= next)
                {
                    next = index + 1;
                }
            }

            return next.ToString(CultureInfo.InvariantCulture);
        }
    }
}
