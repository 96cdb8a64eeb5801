using Spectre.Console;
using TelephonyHub.PbxSimulator.Scenarios;

namespace TelephonyHub.PbxSimulator;

/// <summary>The simulator's help text.</summary>
public static class Usage
{
    public static int Write(IAnsiConsole console)
    {
        console.MarkupLine("""
            [bold]TelephonyHub PBX simulator[/] — a PBX that speaks the hub's gRPC contract (protos/pbx/v1/pbx_gateway.proto)

              list                                  the scenarios it can play
              scenario NAME|all --key KEY           play scenarios with a transcript of what went back and forth
                 [[--hub http://127.0.0.1:5101]] [[--extension 101]] [[--other-extension 102]] [[--customer +4930111222]]
                 [[--line L]] [[--ring 2]] [[--talk 5]] [[--recording-delay 3]] [[--recording-url URL]]
              load --key KEY [[--key KEY ...]] | --keys-file FILE
                 [[--rate 10]] [[--duration 60]] [[--drain 120]] [[--mix direct=30,queued=20,knowncaller=10,missed=10,outbound=15,transfer=5,laterecording=10]]
                 [[--ring 8[[:cv]]]] [[--talk 90[[:cv]]]] [[--recording-delay 5]] [[--known-callers +49..,+49..]] [[--seed 1]] [[--no-live]]
              listen --key KEY                      answer the hub's commands (click-to-call originates) until Ctrl+C

            Times are seconds; ring/talk are log-normal with the given mean and coefficient of variation.
            """);
        return 0;
    }

    public static int ListScenarios(IAnsiConsole console, ScenarioCatalog catalog)
    {
        var table = new Table().AddColumn("scenario").AddColumn("what happens");
        foreach (var scenario in catalog.All)
        {
            table.AddRow(Markup.Escape(scenario.Name), Markup.Escape(scenario.Description));
        }

        console.Write(table);
        return 0;
    }
}
