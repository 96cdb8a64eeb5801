using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Bitrix24;

/// <summary>
/// An option holding a base URL must be absolute http(s), such as <c>https://hub.example.com/</c>: a value without a
/// scheme binds as a relative URL and would only fail on first use (an install, a token refresh), long after start-up.
/// Null passes; combine with <see cref="RequiredAttribute"/> where a value is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || value is Uri { IsAbsoluteUri: true, Scheme: "http" or "https" }
            ? ValidationResult.Success
            : new ValidationResult(
                $"{validationContext.DisplayName} must be an absolute http or https URL such as https://hub.example.com/ (got '{value}').",
                [validationContext.MemberName!]);
}
