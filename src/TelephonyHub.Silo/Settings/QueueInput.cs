using System.Globalization;
using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// Reads a queue from what an admin sent (the settings page's form or the JSON API) into a
/// <see cref="QueueDefinition"/>, naming every field that cannot be read. The portal grain then checks it against
/// the portal's users (<c>QueueDefinitionValidator</c>).
/// </summary>
public static class QueueInput
{
    public static (QueueDefinition? Queue, ImmutableArray<string> Errors) FromJson(QueueJson json)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var mode = Mode(json.Mode, errors);
        var overflow = Overflow(json.Overflow?.Kind, json.Overflow?.Extension, json.Overflow?.UserId, errors);
        if (json.StepSeconds is not { } step || !double.IsFinite(step))
        {
            errors.Add("stepSeconds is required (the seconds one step rings, e.g. 5).");
        }

        return errors.Count > 0
            ? (null, errors.ToImmutable())
            : (new QueueDefinition
            {
                LineNumber = json.LineNumber ?? "",
                Name = json.Name ?? "",
                Mode = mode,
                Members = [.. json.Members ?? []],
                StepTime = Seconds(json.StepSeconds!.Value),
                Rounds = json.Rounds ?? 1,
                Overflow = overflow,
            }, []);
    }

    /// <summary>The form fields of the settings page: members as "12, 14, 16", numbers as text.</summary>
    public static (QueueDefinition? Queue, ImmutableArray<string> Errors) FromForm(IFormCollection form)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var mode = Mode(form["mode"], errors);
        var members = new List<long>();
        foreach (var item in form["members"].ToString().Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var user))
            {
                members.Add(user);
            }
            else
            {
                errors.Add($"Members: '{item}' is not a Bitrix24 user id (a number).");
            }
        }

        if (!double.TryParse(form["stepSeconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var step) || !double.IsFinite(step))
        {
            errors.Add("Step time: enter the seconds one step rings, e.g. 5.");
        }

        var rounds = 1;
        if (form["rounds"].ToString() is { Length: > 0 } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out rounds))
        {
            errors.Add("Rounds: enter a whole number, e.g. 2.");
        }

        var kind = form["overflow"].ToString();
        var target = form["overflowTarget"].ToString().Trim();
        long? overflowUser = null;
        if (kind == "user")
        {
            if (long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var user))
            {
                overflowUser = user;
            }
            else
            {
                errors.Add("Overflow: enter the Bitrix24 user id who takes calls nobody in the queue took.");
            }
        }

        var overflow = Overflow(kind, kind == "extension" ? target : null, overflowUser, errors);
        return errors.Count > 0
            ? (null, errors.ToImmutable())
            : (new QueueDefinition
            {
                LineNumber = form["line"].ToString(),
                Name = form["name"].ToString(),
                Mode = mode,
                Members = [.. members],
                StepTime = Seconds(step),
                Rounds = rounds,
                Overflow = overflow,
            }, []);
    }

    /// <summary>The JSON form of a stored queue.</summary>
    public static QueueJson ToJson(QueueDefinition queue) => new(
        queue.LineNumber,
        queue.Name,
        queue.Mode == QueueMode.Simultaneous ? "simultaneous" : "sequential",
        [.. queue.Members],
        queue.StepTime.TotalSeconds,
        queue.Rounds,
        new QueueOverflowJson(KindName(queue.Overflow.Kind), queue.Overflow.Extension, queue.Overflow.UserId));

    public static string KindName(QueueOverflowKind kind) => kind switch
    {
        QueueOverflowKind.Extension => "extension",
        QueueOverflowKind.User => "user",
        _ => "hangup",
    };

    private static QueueMode Mode(string? text, ImmutableArray<string>.Builder errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "simultaneous":
                return QueueMode.Simultaneous;
            case "sequential":
                return QueueMode.Sequential;
            default:
                errors.Add("Mode: choose simultaneous (everybody at once) or sequential (one after another).");
                return default;
        }
    }

    private static QueueOverflow Overflow(string? kind, string? extension, long? userId, ImmutableArray<string>.Builder errors)
    {
        switch (kind?.Trim().ToLowerInvariant())
        {
            case null or "" or "hangup":
                return QueueOverflow.HangUp;
            case "extension":
                return new QueueOverflow { Kind = QueueOverflowKind.Extension, Extension = extension };
            case "user":
                return new QueueOverflow { Kind = QueueOverflowKind.User, UserId = userId };
            default:
                errors.Add("Overflow: choose hangup, extension or user.");
                return QueueOverflow.HangUp;
        }
    }

    private static TimeSpan Seconds(double seconds) =>
        Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
}
