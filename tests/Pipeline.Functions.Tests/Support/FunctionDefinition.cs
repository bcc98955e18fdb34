using System.Text.Json;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Support;

/// <summary>One functions/{Name}/function.json of the repository.</summary>
public sealed record FunctionDefinition(string Name, JsonElement Bindings)
{
    public static string Folder => Path.Combine(RepoRoot.Path, "functions");

    public static IReadOnlyList<FunctionDefinition> All() =>
        Directory.GetDirectories(Folder)
            .Order(StringComparer.Ordinal)
            .Select(dir =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "function.json")));
                return new FunctionDefinition(Path.GetFileName(dir), document.RootElement.GetProperty("bindings").Clone());
            })
            .ToList();

    public IEnumerable<JsonElement> BindingsArray => Bindings.EnumerateArray();

    public JsonElement? HttpTrigger => BindingsArray.Where(b => b.GetProperty("type").GetString() == "httpTrigger").Cast<JsonElement?>().FirstOrDefault();

    public bool IsHttp => HttpTrigger is not null;

    public JsonElement Trigger => BindingsArray.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
}
