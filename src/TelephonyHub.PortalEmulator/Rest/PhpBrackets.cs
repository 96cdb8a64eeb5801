using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// Builds the parameter tree the way PHP's parser does for <c>KEY[sub][0]=v</c> and <c>KEY[]=v</c>
/// (reference §1.2): nested maps with string keys, <c>[]</c> appending the next integer key.
/// </summary>
internal static class PhpBrackets
{
    /// <summary>Adds one decoded name/value pair to <paramref name="root"/>; a later value for the same path wins, as in PHP.</summary>
    public static void Add(JsonObject root, string name, string value)
    {
        var path = Split(name);
        var node = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var key = path[i].Length == 0 ? NextIndex(node) : path[i];
            if (node[key] is not JsonObject child)
            {
                child = [];
                node[key] = child;
            }

            node = child;
        }

        var last = path[^1].Length == 0 ? NextIndex(node) : path[^1];
        node[last] = JsonValue.Create(value);
    }

    /// <summary>
    /// <c>a[b][]</c> → <c>a</c>, <c>b</c>, <c>""</c>. A name whose brackets do not close is taken whole, and text
    /// after the last closing bracket is ignored, both as PHP does.
    /// </summary>
    internal static List<string> Split(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0 || name.IndexOf(']', open) < 0)
        {
            return [name];
        }

        var parts = new List<string> { name[..open] };
        var position = open;
        while (position < name.Length && name[position] == '[')
        {
            var close = name.IndexOf(']', position);
            if (close < 0)
            {
                break;
            }

            parts.Add(name[(position + 1)..close]);
            position = close + 1;
        }

        return parts;
    }

    private static string NextIndex(JsonObject node)
    {
        var max = -1;
        foreach (var (key, _) in node)
        {
            if (int.TryParse(key, out var index) && index > max)
            {
                max = index;
            }
        }

        return (max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
