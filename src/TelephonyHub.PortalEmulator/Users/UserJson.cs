using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Users;

/// <summary>A user as <c>user.get</c> writes it: <c>ID</c> a string, <c>ACTIVE</c> a JSON bool (reference §7.1).</summary>
public static class UserJson
{
    /// <summary>The item; phones and e-mail only with <paramref name="withContacts"/> (<c>user_brief</c> lacks them).</summary>
    public static JsonObject Of(PortalUser u, bool withContacts)
    {
        var json = new JsonObject
        {
            ["ID"] = PhpJson.Text(u.Id),
            ["ACTIVE"] = u.Active,
            ["NAME"] = u.Name,
            ["LAST_NAME"] = u.LastName,
            ["IS_ONLINE"] = u.IsOnline ? "Y" : "N",
            ["UF_PHONE_INNER"] = u.Extension,
            ["UF_DEPARTMENT"] = new JsonArray(1),
            ["USER_TYPE"] = "employee",
        };
        if (withContacts)
        {
            json["EMAIL"] = u.Email;
            json["WORK_PHONE"] = u.WorkPhone;
            json["PERSONAL_MOBILE"] = u.PersonalMobile;
        }

        return json;
    }
}
