using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>infra/: compiles and lints with zero diagnostics (warnings included), and says what docs/deploy.md promises.</summary>
[Trait("Category", "Infra")]
public sealed class InfraTests
{
    private static readonly string Infra = Path.Combine(RepoRoot.Path, "infra");

    [Fact]
    public async Task MainBicep_BuildAndLint_NoDiagnostics()
    {
        var build = await Bicep.RunAsync("build", Path.Combine(Infra, "main.bicep"), "--stdout");
        var lint = await Bicep.RunAsync("lint", Path.Combine(Infra, "main.bicep"));

        AssertClean(build, requireOutput: true);
        AssertClean(lint, requireOutput: false);
    }

    [Fact]
    public async Task MainBicepparam_BuildAndLint_NoDiagnostics()
    {
        var build = await Bicep.RunAsync("build-params", Path.Combine(Infra, "main.bicepparam"), "--stdout");
        var lint = await Bicep.RunAsync("lint", Path.Combine(Infra, "main.bicepparam"));

        AssertClean(build, requireOutput: true);
        AssertClean(lint, requireOutput: false);
    }

    [Fact]
    public async Task Template_Storage_EntraOnlyTls12NoPublicBlobsWithContainers()
    {
        var resources = await CompiledResourcesAsync();

        var account = Assert.Single(resources, r => Type(r) == "Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.Contains(resources, r => Type(r) == "Microsoft.Storage/storageAccounts/blobServices/containers");
    }

    [Fact]
    public async Task Template_Language_TextAnalyticsWithoutKeys()
    {
        var resources = await CompiledResourcesAsync();

        var language = Assert.Single(resources, r => Type(r) == "Microsoft.CognitiveServices/accounts");
        Assert.Equal("TextAnalytics", language["kind"]!.GetValue<string>());
        Assert.True(language["properties"]!["disableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Template_FunctionApp_FlexCustomRuntimeWithIdentityConnections()
    {
        var resources = await CompiledResourcesAsync();

        var plan = Assert.Single(resources, r => Type(r) == "Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        var app = Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites");
        var config = app["properties"]!["functionAppConfig"]!;
        Assert.Equal("custom", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());

        var settings = app["properties"]!["siteConfig"]!["appSettings"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToHashSet();
        var connection = BlobTriggerConnection();
        string[] expected =
        [
            connection + "__blobServiceUri", connection + "__queueServiceUri", connection + "__credential", connection + "__clientId",
            "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
            "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "Storage__BlobServiceUri", "Storage__TableServiceUri", "Storage__ClientId",
            "Analysis__Provider", "Analysis__AzureLanguage__Endpoint", "Analysis__AzureLanguage__ManagedIdentityClientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING",
        ];
        Assert.All(expected, name => Assert.Contains(name, settings));
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings);
        Assert.DoesNotContain(settings, name => name.EndsWith("ConnectionString", StringComparison.Ordinal) && name.StartsWith("Storage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Template_RoleAssignments_OnePerDataPlaneRole()
    {
        var resources = await CompiledResourcesAsync();

        var roles = resources.Where(r => Type(r) == "Microsoft.Authorization/roleAssignments" && r["condition"] is null)
            .Select(r => ResolveVariables(r, r["properties"]!["roleDefinitionId"]!.GetValue<string>()))
            .ToList();

        string[] expected =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "a97b65f3-24c7-4388-baec-2e87135dc908", // Cognitive Services User
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        ];
        Assert.Equal(expected.Length, roles.Count);
        Assert.All(expected, id => Assert.Single(roles, role => role.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Template_EventSubscriptions_BlobCreatedToBlobWebhookAndBlobDeletedToEventGridTrigger()
    {
        var resources = await CompiledResourcesAsync();

        var subscriptions = resources.Where(r => Type(r) == "Microsoft.EventGrid/systemTopics/eventSubscriptions").ToList();
        Assert.Equal(2, subscriptions.Count);
        var created = Assert.Single(subscriptions, s => EventTypes(s).SequenceEqual(["Microsoft.Storage.BlobCreated"]));
        var deleted = Assert.Single(subscriptions, s => EventTypes(s).SequenceEqual(["Microsoft.Storage.BlobDeleted"]));
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code=", Url(created), StringComparison.Ordinal);
        Assert.Contains("blobs_extension", Url(created), StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/eventgrid?functionName={1}&code=", Url(deleted), StringComparison.Ordinal);
        Assert.Contains("eventgrid_extension", Url(deleted), StringComparison.Ordinal);
    }

    private static void AssertClean(Bicep.Result result, bool requireOutput)
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

    private static readonly Lazy<Task<string>> Compiled = new(async () =>
    {
        var build = await Bicep.RunAsync("build", Path.Combine(Infra, "main.bicep"), "--stdout");
        AssertClean(build, requireOutput: true);
        return build.StandardOutput;
    });

    private static async Task<List<JsonNode>> CompiledResourcesAsync()
    {
        var all = new List<JsonNode>();
        Collect(JsonNode.Parse(await Compiled.Value)!, all);
        return all;
    }

    // "[subscriptionResourceId('...', variables('storageBlobDataOwner'))]" → the variable's value, from the
    // template that declares the resource.
    private static string ResolveVariables(JsonNode resource, string expression)
    {
        var template = resource.Parent!.Parent!;
        return System.Text.RegularExpressions.Regex.Replace(expression, @"variables\('([^']+)'\)", match =>
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

    private static string Type(JsonNode resource) => resource["type"]!.GetValue<string>();

    private static IEnumerable<string> EventTypes(JsonNode subscription) =>
        subscription["properties"]!["filter"]!["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>());

    private static string Url(JsonNode subscription) =>
        subscription["properties"]!["destination"]!["properties"]!["endpointUrl"]!.GetValue<string>();

    private static string BlobTriggerConnection()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "functions", "ProcessArticle", "function.json")));
        return document.RootElement.GetProperty("bindings")[0].GetProperty("connection").GetString()!;
    }
}
