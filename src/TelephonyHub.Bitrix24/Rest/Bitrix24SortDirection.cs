namespace TelephonyHub.Bitrix24.Rest;

/// <summary>Sort direction of a list method's <c>order</c>.</summary>
public enum Bitrix24SortDirection
{
    /// <summary><c>ASC</c>.</summary>
    Ascending = 0,

    /// <summary><c>DESC</c>.</summary>
    Descending = 1,
}
