using System.Text;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Percent-encodes flattened PHP-bracket pairs (reference §1.2). Brackets may travel raw or encoded; both parse
/// on the portal.
/// </summary>
public static class PhpFormEncoder
{
    /// <summary>
    /// Encodes pairs as a form body: every reserved character, brackets included, is percent-encoded
    /// (spaces as <c>%20</c>, which PHP decodes like <c>+</c>).
    /// </summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) => Join(pairs, keepBatchSyntax: false);

    /// <summary>
    /// Encodes pairs as the inner query string of a <c>batch</c> command (reference §1.6). Brackets and
    /// <c>$</c> stay raw so a back-reference such as <c>$result[reg1][CALL_ID]</c> reaches the portal's batch
    /// substitution literally, whether it substitutes before or after parsing the query string.
    /// </summary>
    public static string EncodeBatchQuery(IEnumerable<KeyValuePair<string, string>> pairs) =>
        Join(pairs, keepBatchSyntax: true);

    private static string Join(IEnumerable<KeyValuePair<string, string>> pairs, bool keepBatchSyntax)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Escape(key, keepBatchSyntax)).Append('=').Append(Escape(value, keepBatchSyntax));
        }

        return builder.ToString();
    }

    private static string Escape(string text, bool keepBatchSyntax)
    {
        var escaped = Uri.EscapeDataString(text);
        return keepBatchSyntax
            ? escaped.Replace("%5B", "[", StringComparison.Ordinal)
                .Replace("%5D", "]", StringComparison.Ordinal)
                .Replace("%24", "$", StringComparison.Ordinal)
            : escaped;
    }
}
