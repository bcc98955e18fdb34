using System.Reflection;
using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Support;

/// <summary>One function as the worker SDK's build describes it to the host (functions.metadata).</summary>
/// <param name="EntryPoint">The method the worker invokes: namespace, class and method name.</param>
public sealed record FunctionMetadata(string Name, string EntryPoint, IReadOnlyList<JsonElement> Bindings)
{
    public JsonElement Trigger => Bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    public string TriggerType => Trigger.GetProperty("type").GetString()!;

    public string? Property(string name) => Trigger.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The functions.metadata the build of src/Pipeline.Functions wrote (same configuration as the tests).</summary>
    public static IReadOnlyList<FunctionMetadata> FromBuildOutput()
    {
        var configuration = typeof(FunctionMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;
        var path = Path.Combine(RepoRoot.Path, "src", "Pipeline.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/Pipeline.Functions first.");
        return Parse(File.ReadAllText(path));
    }

    public static IReadOnlyList<FunctionMetadata> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(f => new FunctionMetadata(
                f.GetProperty("name").GetString()!, f.GetProperty("entryPoint").GetString()!, f.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList()))
            .ToList();
    }
}
