using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Hosting;

/// <summary>
/// Keeps the Data Protection key ring in the hub's database (table <c>TelephonyHubDataProtectionKeys</c>, created by
/// the schema scripts), so every silo decrypts what any silo encrypted and a restart loses no key.
/// Data Protection calls this rarely (at start and when keys roll), and synchronously.
/// </summary>
public sealed class DatabaseXmlRepository(StorageOptions storage) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM TelephonyHubDataProtectionKeys ORDER BY Id";
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO TelephonyHubDataProtectionKeys (FriendlyName, Xml) VALUES (@FriendlyName, @Xml)";
        AddParameter(command, "@FriendlyName", friendlyName);
        AddParameter(command, "@Xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private System.Data.Common.DbConnection Open()
    {
        var connection = DatabaseConnections.Create(storage.EffectiveProvider, storage.GetConnectionString());
        connection.Open();
        return connection;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
