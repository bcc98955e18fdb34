using System.Text.Json.Nodes;
using Pipeline.Api;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The functions.metadata the build generates is what infra/ and the README promise: the function names the
/// Event Grid subscriptions call, the blob path and source, queue names, identity-based connections, HTTP routes
/// and their authorization levels.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly IReadOnlyList<FunctionMetadata> Functions = FunctionMetadata.FromBuildOutput();

    [Fact]
    public void Names_TriggersAndEveryApiRoute()
    {
        string[] expected =
        [
            nameof(ProcessArticle), nameof(RecordPoisonedArticle), nameof(DeleteArticle),
            ApiRoutes.ListArticles, ApiRoutes.GetArticle, ApiRoutes.ListEntities, ApiRoutes.GetEntity, ApiRoutes.ListEntityArticles,
            ApiRoutes.ListEntitySources, ApiRoutes.ListCoMentions, ApiRoutes.GetTimeline, ApiRoutes.ListSources, ApiRoutes.GetStatus,
            ApiRoutes.Health, ApiRoutes.Dashboard, ApiRoutes.GetOpenApiDocument,
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ProcessArticle_EventGridBlobTriggerOnArticlesThatTheSubscriptionCalls()
    {
        var function = Single(nameof(ProcessArticle));

        Assert.Equal("blobTrigger", function.TriggerType);
        Assert.Equal("articles/{name}", function.Property("path"));
        Assert.Equal("EventGrid", function.Property("source"));
        var eventGrid = await ModuleParametersAsync("eventgrid");
        Assert.Equal(function.Name, eventGrid["processFunctionName"]);
        Assert.Equal(function.Property("path")!.Split('/')[0], await VariableAsync("articlesContainerName"));
    }

    [Fact]
    public async Task DeleteArticle_ReadsTheQueueEventGridDeliversBlobDeletedTo()
    {
        var function = Single(nameof(DeleteArticle));

        Assert.Equal("queueTrigger", function.TriggerType);
        Assert.Equal(await VariableAsync("deletionsQueueName"), function.Property("queueName"));
        var resources = await CompiledTemplate.ResourcesAsync();
        Assert.Contains(resources, r => CompiledTemplate.Type(r) == "Microsoft.Storage/storageAccounts/queueServices/queues");
    }

    [Fact]
    public void RecordPoisonedArticle_ReadsTheBlobExtensionsPoisonQueue()
    {
        var function = Single(nameof(RecordPoisonedArticle));

        Assert.Equal("queueTrigger", function.TriggerType);
        Assert.Equal("webjobs-blobtrigger-poison", function.Property("queueName"));

        // The blob extension writes poison messages to the queue service of the blob trigger's connection.
        Assert.Equal(Single(nameof(ProcessArticle)).Property("connection"), function.Property("connection"));
    }

    [Fact]
    public async Task Connections_IdentityBasedAppSettingsInInfra()
    {
        var site = Assert.Single(await CompiledTemplate.ResourcesAsync(), r => CompiledTemplate.Type(r) == "Microsoft.Web/sites");
        var settings = CompiledTemplate.AppSettingNames(site);

        var connections = Functions.Select(f => f.Property("connection")).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(connections);
        Assert.All(connections, connection =>
        {
            foreach (var suffix in new[] { "__blobServiceUri", "__queueServiceUri", "__credential", "__clientId" })
            {
                Assert.Contains(connection + suffix, settings);
            }

            Assert.DoesNotContain(connection, settings);
        });
    }

    [Fact]
    public void HttpFunctions_FunctionKeyExceptHealthAndTheDocument()
    {
        var http = Functions.Where(f => f.TriggerType == "httpTrigger").ToList();

        Assert.Equal(13, http.Count);
        Assert.All(http, f => Assert.Equal(IsAnonymous(f.Name) ? "Anonymous" : "Function", f.Property("authLevel"), ignoreCase: true));
    }

    [Fact]
    public void HttpFunctions_EveryRouteDocumentedInReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));

        Assert.All(Functions.Where(f => f.TriggerType == "httpTrigger"), f =>
            Assert.Contains($"`GET /{PipelineApi.RoutePrefix}/{f.Property("route")}", readme, StringComparison.Ordinal));
    }

    /// <summary>Health and the OpenAPI document hold no data: they answer without a key.</summary>
    internal static bool IsAnonymous(string functionName) => functionName is ApiRoutes.Health or ApiRoutes.GetOpenApiDocument;

    private static FunctionMetadata Single(string name) => Assert.Single(Functions, f => f.Name == name);

    private static async Task<string?> VariableAsync(string name)
    {
        var main = await CompiledTemplate.MainAsync();
        return main["variables"]?[name]?.GetValue<string>();
    }

    // The literal parameters main.bicep passes to a module.
    private static async Task<Dictionary<string, string?>> ModuleParametersAsync(string module)
    {
        var main = await CompiledTemplate.MainAsync();
        var resources = main["resources"] switch
        {
            JsonObject map => map.Select(p => p.Value!),
            JsonArray array => array.Select(r => r!),
            _ => [],
        };
        var deployment = Assert.Single(resources, r => r["name"]?.GetValue<string>() == module);
        return deployment["properties"]!["parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value!["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
    }
}
