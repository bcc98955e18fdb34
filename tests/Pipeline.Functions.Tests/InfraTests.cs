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

        InfraAssert.Clean(build, requireOutput: true);
        InfraAssert.Clean(lint, requireOutput: false);
    }

    [Fact]
    public async Task MainBicepparam_BuildAndLint_NoDiagnostics()
    {
        var build = await Bicep.RunAsync("build-params", Path.Combine(Infra, "main.bicepparam"), "--stdout");
        var lint = await Bicep.RunAsync("lint", Path.Combine(Infra, "main.bicepparam"));

        InfraAssert.Clean(build, requireOutput: true);
        InfraAssert.Clean(lint, requireOutput: false);
    }

    [Fact]
    public async Task Template_Storage_EntraOnlyTls12NoPublicBlobsWithContainers()
    {
        var resources = await CompiledTemplate.ResourcesAsync();

        var account = Assert.Single(resources, r => CompiledTemplate.Type(r) == "Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.Contains(resources, r => CompiledTemplate.Type(r) == "Microsoft.Storage/storageAccounts/blobServices/containers");
    }

    [Fact]
    public async Task Template_Language_TextAnalyticsWithoutKeys()
    {
        var resources = await CompiledTemplate.ResourcesAsync();

        var language = Assert.Single(resources, r => CompiledTemplate.Type(r) == "Microsoft.CognitiveServices/accounts");
        Assert.Equal("TextAnalytics", language["kind"]!.GetValue<string>());
        Assert.True(language["properties"]!["disableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Template_FunctionApp_FlexDotnetIsolatedWithIdentityConnections()
    {
        var resources = await CompiledTemplate.ResourcesAsync();

        var plan = Assert.Single(resources, r => CompiledTemplate.Type(r) == "Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        var app = Assert.Single(resources, r => CompiledTemplate.Type(r) == "Microsoft.Web/sites");
        var config = app["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]!["version"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());

        var settings = CompiledTemplate.AppSettingNames(app);
        string[] expected =
        [
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
    public async Task Template_FunctionApp_CorsFromParameterNoOriginByDefault()
    {
        var main = await CompiledTemplate.MainAsync();
        var resources = await CompiledTemplate.ResourcesAsync();

        Assert.Empty(main["parameters"]!["corsAllowedOrigins"]!["defaultValue"]!.AsArray());
        var app = Assert.Single(resources, r => CompiledTemplate.Type(r) == "Microsoft.Web/sites");
        var cors = app["properties"]!["siteConfig"]!["cors"]!;
        Assert.Equal("[parameters('corsAllowedOrigins')]", cors["allowedOrigins"]!.GetValue<string>());
        Assert.False(cors["supportCredentials"]!.GetValue<bool>());
        var modules = main["resources"] is JsonObject symbolic ? symbolic.Select(p => p.Value!) : main["resources"]!.AsArray().Select(r => r!);
        var module = Assert.Single(modules, r => CompiledTemplate.Type(r) == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == "functionapp");
        Assert.Equal("[parameters('corsAllowedOrigins')]", module["properties"]!["parameters"]!["corsAllowedOrigins"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Template_RoleAssignments_OnePerDataPlaneRole()
    {
        var resources = await CompiledTemplate.ResourcesAsync();

        var roles = resources.Where(r => CompiledTemplate.Type(r) == "Microsoft.Authorization/roleAssignments" && r["condition"] is null)
            .Select(r => CompiledTemplate.ResolveVariables(r, r["properties"]!["roleDefinitionId"]!.GetValue<string>()))
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
    public async Task Template_EventSubscriptions_BlobCreatedToBlobWebhookAndBlobDeletedToQueueWithIdentity()
    {
        var resources = await CompiledTemplate.ResourcesAsync();

        var subscriptions = resources.Where(r => CompiledTemplate.Type(r) == "Microsoft.EventGrid/systemTopics/eventSubscriptions").ToList();
        Assert.Equal(2, subscriptions.Count);
        var created = Assert.Single(subscriptions, s => EventTypes(s).SequenceEqual(["Microsoft.Storage.BlobCreated"]));
        var deleted = Assert.Single(subscriptions, s => EventTypes(s).SequenceEqual(["Microsoft.Storage.BlobDeleted"]));
        var webhook = created["properties"]!["destination"]!["properties"]!["endpointUrl"]!.GetValue<string>();
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code=", webhook, StringComparison.Ordinal);
        Assert.Contains("blobs_extension", webhook, StringComparison.Ordinal);
        var delivery = deleted["properties"]!["deliveryWithResourceIdentity"]!;
        Assert.Equal("UserAssigned", delivery["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("StorageQueue", delivery["destination"]!["endpointType"]!.GetValue<string>());
    }

    private static IEnumerable<string> EventTypes(JsonNode subscription) =>
        subscription["properties"]!["filter"]!["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>());
}
