using System.Text;
using Orleans.Storage;

namespace TelephonyHub.Silo.Storage.GrainState;

/// <summary>
/// Where one grain's state lives in <c>OrleansStorage</c>: the identity columns and the two hashes that lead to the
/// row. Computed exactly as Orleans' ADO.NET grain storage computes them (its default hasher, the same key bytes), so
/// rows written by either provider are found by the other: the SQLite hub, operator tooling and a rollback keep
/// reading the same rows.
/// </summary>
public readonly record struct StoredGrainKey(
    int IdHash,
    int TypeHash,
    long IdN0,
    long IdN1,
    string StateName,
    string Extension)
{
    private static readonly OrleansDefaultHasher Hasher = new();

    /// <summary>The row key of <paramref name="grainId"/>'s state named <paramref name="stateName"/>.</summary>
    public static StoredGrainKey Of(GrainId grainId, string stateName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (stateName.Contains('`'))
        {
            // Orleans rewrites generic type names before hashing them; state names are plain words here.
            throw new ArgumentException($"The state name '{stateName}' looks like a generic type name; name the state with a plain word.", nameof(stateName));
        }

        var typeHash = TypeHashOf(stateName);
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            var bytes = guid.ToByteArray();
            return new(Hasher.Hash(HashBytes(bytes, guidExtension)), typeHash,
                BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), stateName, guidExtension ?? "");
        }

        if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
        {
            return new(Hasher.Hash(HashBytes(BitConverter.GetBytes(integer), integerExtension)), typeHash,
                0, integer, stateName, integerExtension ?? "");
        }

        // A string key is stored whole in the extension column, with both number columns zero.
        var key = grainId.Key.ToString();
        return new(Hasher.Hash(HashBytes([], key)), typeHash, 0, 0, stateName, key);
    }

    /// <summary>The <c>GrainTypeHash</c> of every row of the state named <paramref name="stateName"/>.</summary>
    public static int TypeHashOf(string stateName) => Hasher.Hash(Encoding.UTF8.GetBytes(stateName));

    /// <summary>The key's bytes, then the extension's UTF-8 bytes, the whole reversed on little-endian machines.</summary>
    private static byte[] HashBytes(byte[] key, string? extension)
    {
        byte[] bytes = extension is null ? [.. key] : [.. key, .. Encoding.UTF8.GetBytes(extension)];
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        return bytes;
    }
}
