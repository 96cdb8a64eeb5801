using System.Reflection;

namespace TelephonyHub.PbxSimulator.Scenarios;

/// <summary>The scenarios the simulator knows: every <see cref="IPbxScenario"/> class in the given assemblies.</summary>
public sealed class ScenarioCatalog
{
    private ScenarioCatalog(IReadOnlyList<IPbxScenario> all) => All = all;

    /// <summary>The simulator's own scenarios.</summary>
    public static ScenarioCatalog Default { get; } = FromAssemblies(typeof(ScenarioCatalog).Assembly);

    public IReadOnlyList<IPbxScenario> All { get; }

    /// <summary>Scenarios found in <paramref name="assemblies"/> (e.g. the simulator's plus a plug-in's).</summary>
    public static ScenarioCatalog FromAssemblies(params Assembly[] assemblies) => new(
        [.. assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPbxScenario).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IPbxScenario)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Name, StringComparer.Ordinal)]);

    /// <summary>This catalog plus <paramref name="scenarios"/> (a name given twice: the later one wins).</summary>
    public ScenarioCatalog With(params IPbxScenario[] scenarios) => new(
        [.. All.Where(s => scenarios.All(added => added.Name != s.Name)).Concat(scenarios).OrderBy(s => s.Name, StringComparer.Ordinal)]);

    public IPbxScenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
