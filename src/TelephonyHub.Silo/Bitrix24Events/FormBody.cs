namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>Reads a Bitrix24 form body as text, bounded: events are small, anything large is not from Bitrix24.</summary>
public static class FormBody
{
    public const int MaxBytes = 256 * 1024;

    /// <returns>The body, or null when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[8192];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxBytes)
            {
                return null;
            }
        }

        return text.ToString();
    }
}
