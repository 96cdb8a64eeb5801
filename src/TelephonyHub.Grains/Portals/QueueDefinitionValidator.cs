using System.Globalization;
using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// Checks a queue before it is stored, against the portal's directory, and says everything that is wrong in words an
/// admin can act on. A queue that passes can ring every member it lists.
/// </summary>
public static class QueueDefinitionValidator
{
    public const int MaxMembers = 50;
    public const int MaxRounds = 10;
    public const int MaxNameLength = 80;

    /// <summary>Bitrix24 cuts <c>LINE_NUMBER</c> at 50 characters (reference §5.1).</summary>
    public const int MaxLineNumberLength = 50;

    public static readonly TimeSpan MinStepTime = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxStepTime = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with <paramref name="queue"/>; empty when it can be stored.</summary>
    public static ImmutableArray<string> Validate(QueueDefinition queue, PortalState portal)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        if (string.IsNullOrWhiteSpace(queue.Name) || queue.Name.Trim().Length > MaxNameLength)
        {
            errors.Add($"The queue needs a name of 1 to {MaxNameLength} characters.");
        }

        if (queue.LineNumber.Trim().Length > MaxLineNumberLength)
        {
            errors.Add($"The line number can have at most {MaxLineNumberLength} characters (Bitrix24 cuts longer ones).");
        }

        if (!Enum.IsDefined(queue.Mode))
        {
            errors.Add("The mode must be simultaneous or sequential.");
        }

        if (queue.Members.IsDefaultOrEmpty)
        {
            errors.Add("The queue needs at least one member.");
        }
        else
        {
            if (queue.Members.Length > MaxMembers)
            {
                errors.Add($"A queue can have at most {MaxMembers} members.");
            }

            foreach (var twice in queue.Members.GroupBy(m => m).Where(g => g.Count() > 1))
            {
                errors.Add($"User {twice.Key} is listed twice.");
            }

            foreach (var user in queue.Members.Distinct().Where(u => PortalQueues.ExtensionOf(portal, u) is null))
            {
                errors.Add(NoExtension(user, "Member"));
            }
        }

        if (queue.StepTime < MinStepTime || queue.StepTime > MaxStepTime)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"The step time must be between {MinStepTime.TotalSeconds:0} and {MaxStepTime.TotalSeconds:0} seconds (it is {queue.StepTime.TotalSeconds:0.###})."));
        }

        if (queue.Rounds is < 1 or > MaxRounds)
        {
            errors.Add($"Rounds must be between 1 and {MaxRounds} (it is {queue.Rounds}).");
        }

        errors.AddRange(Overflow(queue.Overflow, portal));
        return errors.ToImmutable();
    }

    private static IEnumerable<string> Overflow(QueueOverflow? overflow, PortalState portal)
    {
        switch (overflow?.Kind)
        {
            case QueueOverflowKind.HangUp:
                break;
            case QueueOverflowKind.Extension:
                if (string.IsNullOrWhiteSpace(overflow.Extension) || overflow.Extension.Trim().Length > 32)
                {
                    yield return "Overflow to an extension needs the extension (1 to 32 characters), e.g. a voicemail box.";
                }

                break;
            case QueueOverflowKind.User:
                if (overflow.UserId is not { } user)
                {
                    yield return "Overflow to a user needs the Bitrix24 user id.";
                }
                else if (PortalQueues.ExtensionOf(portal, user) is null)
                {
                    yield return NoExtension(user, "Overflow user");
                }

                break;
            default:
                yield return "The overflow must be hang-up, an extension or a user.";
                break;
        }
    }

    private static string NoExtension(long user, string role) =>
        $"{role} {user} has no extension on this portal: set the user's internal phone number in Bitrix24 (or an extension override) first.";
}
