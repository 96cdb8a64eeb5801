using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// The settings page's "Call queues" section: the queues with their members' extensions, and one form that adds a
/// queue or replaces the queue of the same line. Plain HTML with labelled controls, like the rest of the page.
/// </summary>
public static class QueueSettingsRenderer
{
    public static string Render(SettingsView view)
    {
        var extensions = view.Portal.Extensions.GroupBy(e => e.Value)
            .ToDictionary(g => g.Key, g => string.Join("/", g.Select(e => e.Key).Order(StringComparer.Ordinal)));
        var rows = new StringBuilder();
        foreach (var queue in view.Queues.Queues)
        {
            var members = string.Join(", ", queue.Members.Select(m => extensions.TryGetValue(m, out var ext) ? $"{m} (ext {ext})" : $"{m} (no extension)"));
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{E(queue.LineNumber.Length == 0 ? "any other line" : queue.LineNumber)}</td><td>{E(queue.Name)}</td>
                <td>{Mode(queue.Mode)}</td><td>{E(members)}</td><td>{queue.StepTime.TotalSeconds:0.###} s</td><td>{queue.Rounds}</td>
                <td>{E(Overflow(queue.Overflow))}</td>
                <td><form method="post" action="{QueueSettingsEndpoints.RemoveQueuePath}">{Session(view)}<input type="hidden" name="line" value="{E(queue.LineNumber)}"><button type="submit" aria-label="Remove queue {E(queue.Name)}">Remove</button></form></td></tr>
                """);
        }

        var errors = view.Queues.Errors.IsEmpty
            ? ""
            : $"""<div role="alert" class="error"><p>The queue was not saved:</p><ul>{string.Concat(view.Queues.Errors.Select(e => $"<li>{E(e)}</li>"))}</ul></div>""";
        var table = view.Queues.Queues.IsEmpty
            ? "<p>No queue yet: inbound calls that name no extension are registered to the fallback user, and cards follow what the PBX rings.</p>"
            : $"""
                <table><thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Mode</th><th scope="col">Members</th><th scope="col">Step</th><th scope="col">Rounds</th><th scope="col">Overflow</th><th scope="col"></th></tr></thead>
                <tbody id="queues">{rows}</tbody></table>
                """;
        return $"""
            <section aria-labelledby="queues-heading"><h2 id="queues-heading">Call queues</h2>
            <p>An inbound call that names no extension goes to its line's queue (or the default queue). Only free members are offered the call:
            not on another call of the hub, and not reported busy, do-not-disturb or offline by the PBX.</p>
            {errors}
            {table}
            <form method="post" action="{QueueSettingsEndpoints.SaveQueuePath}">{Session(view)}
            <fieldset><legend>Add a queue, or replace the queue of a line</legend>
            <p><label for="queue-line">Line number</label> <input id="queue-line" name="line" maxlength="50" placeholder="empty: any other line"></p>
            <p><label for="queue-name">Name</label> <input id="queue-name" name="name" required maxlength="80" placeholder="e.g. Support"></p>
            <p><label for="queue-mode">Mode</label> <select id="queue-mode" name="mode"><option value="sequential">Sequential: one member after another</option><option value="simultaneous">Simultaneous: everybody at once</option></select></p>
            <p><label for="queue-members">Members (Bitrix24 user ids, in order)</label> <input id="queue-members" name="members" required placeholder="e.g. 12, 14, 16"></p>
            <p><label for="queue-step">Step time (seconds)</label> <input id="queue-step" name="stepSeconds" type="number" min="1" max="300" step="any" value="5" required></p>
            <p><label for="queue-rounds">Rounds</label> <input id="queue-rounds" name="rounds" type="number" min="1" max="10" value="1" required></p>
            <p><label for="queue-overflow">When nobody answers</label> <select id="queue-overflow" name="overflow"><option value="hangup">Missed call; hang up</option><option value="extension">Missed call; transfer to an extension (voicemail)</option><option value="user">Transfer to a user</option></select>
            <label for="queue-overflow-target">Extension or user id</label> <input id="queue-overflow-target" name="overflowTarget" maxlength="32"></p>
            <button type="submit">Save queue</button>
            </fieldset></form>
            </section>
            """;
    }

    private static string Mode(QueueMode mode) => mode == QueueMode.Simultaneous ? "simultaneous" : "sequential";

    private static string Overflow(QueueOverflow overflow) => overflow.Kind switch
    {
        QueueOverflowKind.Extension => $"missed; transfer to extension {overflow.Extension}",
        QueueOverflowKind.User => $"transfer to user {overflow.UserId}",
        _ => "missed; hang up",
    };

    private static string Session(SettingsView view) => $"""<input type="hidden" name="session" value="{E(view.SessionToken)}">""";

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
