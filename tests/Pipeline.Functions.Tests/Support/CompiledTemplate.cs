using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests.Support;

/// <summary>infra/main.bicep compiled once (bicep build) and flattened to its resources, modules included.</summary>
public static partial class CompiledTemplate
{
    public static readonly string Infra = Path.Combine(RepoRoot.Path, "infra");

    private static readonly Lazy<Task<string>> Compiled = new(async () =>
    {
        var build = await Bicep.RunAsync("build", Path.Combine(Infra, "main.bicep"), "--stdout");
        InfraAssert.Clean(build, requireOutput: true);
        return build.StandardOutput;
    });

    public static async Task<JsonNode> MainAsync() => JsonNode.Parse(await Compiled.Value)!;

    public static async Task<List<JsonNode>> ResourcesAsync()
    {
        var all = new List<JsonNode>();
        Collect(JsonNode.Parse(await Compiled.Value)!, all);
        return all;
    }

    public static string Type(JsonNode resource) => resource["type"]!.GetValue<string>();

    public static HashSet<string> AppSettingNames(JsonNode site) =>
        site["properties"]!["siteConfig"]!["appSettings"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    // "[subscriptionResourceId('...', variables('storageBlobDataOwner'))]" → the variable's value, from the
    // template that declares the resource.
    public static string ResolveVariables(JsonNode resource, string expression)
    {
        var template = resource.Parent!.Parent!;
        return Variable().Replace(expression, match =>
            template["variables"]?[match.Groups[1].Value]?.GetValue<string>() ?? match.Value);
    }

    // Modules compile to nested deployments whose templates hold their resources (as an array or, with
    // symbolic names, an object).
    private static void Collect(JsonNode template, List<JsonNode> into)
    {
        var resources = template["resources"];
        var items = resources switch
        {
            JsonArray array => array.Select(r => r!),
            JsonObject map => map.Select(p => p.Value!),
            _ => [],
        };
        foreach (var resource in items)
        {
            if (Type(resource) == "Microsoft.Resources/deployments")
            {
                Collect(resource["properties"]!["template"]!, into);
            }
            else if (resource["existing"]?.GetValue<bool>() != true)
            {
                into.Add(resource);
            }
        }
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex Variable();
}

public static class InfraAssert
{
    public static void Clean(Bicep.Result result, bool requireOutput)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardError}");
        Assert.True(string.IsNullOrWhiteSpace(result.StandardError), "diagnostics: " + result.StandardError);
        if (requireOutput)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.StandardOutput));
        }
        else
        {
            Assert.True(string.IsNullOrWhiteSpace(result.StandardOutput), "diagnostics: " + result.StandardOutput);
        }
    }
}
