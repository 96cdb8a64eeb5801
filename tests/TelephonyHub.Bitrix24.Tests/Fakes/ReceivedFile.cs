namespace TelephonyHub.Bitrix24.Tests.Fakes;

/// <summary>A multipart file part the fake server received.</summary>
public sealed record ReceivedFile(string FieldName, string FileName, byte[] Content);
