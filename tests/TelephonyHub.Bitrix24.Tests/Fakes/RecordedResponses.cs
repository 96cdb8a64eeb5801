namespace TelephonyHub.Bitrix24.Tests.Fakes;

/// <summary>Response bodies shaped exactly as reference/bitrix24-rest.md shows them.</summary>
public static class RecordedResponses
{
    public const string Time = """
        {"start":1773130778.96,"finish":1773130779.12,"duration":0.16,"processing":0.02,
         "date_start":"2026-03-10T11:19:38+03:00","date_finish":"2026-03-10T11:19:39+03:00",
         "operating_reset_at":1773131378,"operating":0.22}
        """;

    // §5.1
    public const string Register = """
        {"result":{"CALL_ID":"externalCall.716f1cb73def9700a23842adf9c4c568.1773130779","CRM_CREATED_LEAD":null,
         "CRM_CREATED_ENTITIES":[],"CRM_ENTITY_TYPE":"CONTACT","CRM_ENTITY_ID":797},"time":
        """ + Time + "}";

    public const string RegisterWithCreatedLead = """
        {"result":{"CALL_ID":"externalCall.0a1b2c3d4e5f60718293a4b5c6d7e8f9.1773130779","CRM_CREATED_LEAD":1203,
         "CRM_CREATED_ENTITIES":[{"ENTITY_TYPE":"LEAD","ENTITY_ID":1203}],"CRM_ENTITY_TYPE":"LEAD","CRM_ENTITY_ID":1203}}
        """;

    // §5.3: CALL_START_DATE is a PHP DateTime leaking as {}, INCOMING a string.
    public const string Finish = """
        {"result":{"ID":"517","CALL_ID":"externalCall.716f1cb73def9700a23842adf9c4c568.1773130779",
         "EXTERNAL_CALL_ID":"pbx-leg-1","PORTAL_USER_ID":"1269","PHONE_NUMBER":"+4930123456","PORTAL_NUMBER":"REST_APP:12",
         "INCOMING":"2","CALL_DURATION":"64","CALL_START_DATE":{},"CALL_STATUS":1,"CALL_VOTE":0,"COST":"0.0000",
         "COST_CURRENCY":"EUR","CALL_FAILED_CODE":"200","CALL_FAILED_REASON":"","REST_APP_ID":"12",
         "REST_APP_NAME":false,"CRM_ACTIVITY_ID":"3301","COMMENT":null,"CRM_ENTITY_TYPE":"CONTACT","CRM_ENTITY_ID":"797",
         "ERRORS":{"ACTIVITY_CREATION":"Could not create the activity"}},"time":
        """ + Time + "}";

    // §5.6: ids as strings (old portals) and ints (new ones) side by side.
    public const string SearchCrmEntities = """
        {"result":[
          {"CRM_ENTITY_TYPE":"CONTACT","CRM_ENTITY_ID":"797","ASSIGNED_BY_ID":"6","NAME":"Anna Schmidt",
           "ASSIGNED_BY":{"ID":"6","TIMEMAN_STATUS":"OPENED","USER_PHONE_INNER":"104","WORK_PHONE":null,
                          "PERSONAL_PHONE":null,"PERSONAL_MOBILE":"+491701234567"}},
          {"CRM_ENTITY_TYPE":"LEAD","CRM_ENTITY_ID":1203,"ASSIGNED_BY_ID":8,"NAME":"Lead #1203",
           "ASSIGNED_BY":{"ID":"8","TIMEMAN_STATUS":"PAUSED","USER_PHONE_INNER":null}}]}
        """;

    // §6.2: nothing found is an empty *array*.
    public const string FindByCommEmpty = """{"result":[]}""";

    public const string FindByCommHits = """{"result":{"LEAD":[1001149],"CONTACT":[2693],"COMPANY":[3013]}}""";

    // §6.3
    public const string ContactGet = """
        {"result":{"ID":"797","NAME":"Anna","LAST_NAME":"Schmidt","COMPANY_ID":"0","ASSIGNED_BY_ID":"6","OPENED":"Y",
         "PHONE":[{"ID":"156","VALUE_TYPE":"WORK","VALUE":"+13333333555","TYPE_ID":"PHONE"}]}}
        """;

    public const string DealList = """
        {"result":[{"ID":"41","TITLE":"Renewal","STAGE_ID":"NEW","STAGE_SEMANTIC_ID":"P","CLOSED":"N","CATEGORY_ID":"0",
          "CONTACT_ID":"797","COMPANY_ID":null,"ASSIGNED_BY_ID":"9"}],"total":51,"next":50}
        """;

    // §7.1
    public const string UserGet = """
        {"result":[{"ID":"6","ACTIVE":true,"NAME":"Jan","LAST_NAME":"Berg","EMAIL":"jan@example.com","IS_ONLINE":"Y",
          "UF_PHONE_INNER":"104","UF_DEPARTMENT":[1,5],"USER_TYPE":"employee","WORK_PHONE":"","PERSONAL_MOBILE":""}],
         "total":1}
        """;

    // §3.5
    public const string AppInfo = """
        {"result":{"ID":12,"CODE":"vendor.telephonyhub","VERSION":3,"STATUS":"P","INSTALLED":true,"PAYMENT_EXPIRED":"N",
          "DAYS":null,"LANGUAGE_ID":"de","LICENSE":"de_ent10000","LICENSE_TYPE":"ent","LICENSE_FAMILY":"ent"}}
        """;

    // §5.7
    public const string LineGet = """
        {"result":[{"NUMBER":"+4930555000","NAME":"Berlin office","CRM_AUTO_CREATE":"Y"},
                   {"NUMBER":"7","NAME":null,"CRM_AUTO_CREATE":"N"}]}
        """;

    // §4.6
    public const string EventGet = """
        {"result":[{"event":"ONEXTERNALCALLSTART","handler":"https://hub.example.com/bitrix24/events","auth_type":"0","offline":0}]}
        """;

    // §3.4
    public static string TokenResponse(string access, string refresh, string memberId = "a223c6b9410f85df78e9377d6c4f7213") => $$"""
        {"access_token":"{{access}}","expires":1773134378,"expires_in":3600,"scope":"crm,telephony,user_basic",
         "domain":"oauth.bitrix.info","server_endpoint":"https://oauth.bitrix.info/rest/",
         "status":"P","client_endpoint":"https://some-domain.bitrix24.com/rest/","member_id":"{{memberId}}",
         "user_id":1,"refresh_token":"{{refresh}}"}
        """;
}
