using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Api;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The worker inside the deployable zip, run from its own files: its Program builds its host against Azurite, every
/// function class the package declares is created from that host's services, and HTTP functions answer from storage.
/// What the unit tests prove of the source, this proves of what ships.
/// </summary>
[Trait("Category", "Publish")]
[Collection(AzuriteCollection.Name)]
public sealed class PublishedWorkerTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pipeline-package-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<PublishedWorker> BuildWorkerAsync()
    {
        ZipFile.ExtractToDirectory(await PublishedPackage.PathAsync(), _folder);
        var prefix = AzuriteFixture.UniqueName("pub");
        return PublishedWorker.Build(
            _folder,
            "--Storage:ConnectionString=" + azurite.ConnectionString,
            "--Storage:TablePrefix=" + prefix,
            "--Storage:ArticlesContainer=" + prefix + "-articles",
            "--Storage:AnalysisContainer=" + prefix + "-analysis",
            "--Analysis:Provider=Local",
            // What the Functions host hands a worker it starts; the channel is never opened here.
            "--Functions:Worker:HostEndpoint=http://127.0.0.1:9",
            "--Functions:Worker:WorkerId=published-worker-test",
            "--Functions:Worker:RequestId=published-worker-test",
            "--Functions:Worker:GrpcMaxMessageLength=2147483647");
    }

    [Fact]
    public async Task Package_EveryDeclaredFunction_ItsClassComesFromThePackageAndResolvesFromItsHost()
    {
        using var worker = await BuildWorkerAsync();
        var functions = FunctionMetadata.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "functions.metadata")));

        Assert.Equal(Path.Combine(_folder, "Pipeline.Functions.dll"), worker.Assembly.Location);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(worker.Assembly));
        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
            var (type, method) = EntryPoint(worker, function.EntryPoint);
            Assert.True(method is not null, $"{function.Name}: {function.EntryPoint} is not in the packaged assembly");
            var instance = Create(worker, type);
            Assert.IsType(type, instance);
            Assert.StartsWith(_folder, type.Assembly.Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Package_HealthAndArticlesFunctions_AnswerFromAzuriteOnceStarted()
    {
        using var worker = await BuildWorkerAsync();
        var (type, health) = EntryPoint(worker, "Pipeline.Functions.ApiFunctions.Health");
        var functions = Create(worker, type);

        var (status, body) = await InvokeAsync(worker, functions, health!, "/api/health");
        Assert.Equal((503, "starting"), (status, body.RootElement.GetProperty("status").GetString()));

        // Only our own start-up work (tables, containers, readiness, the models' preload), in order: the worker's gRPC service is not started.
        var ours = worker.Services.GetServices<IHostedService>().Where(s => s.GetType().Namespace?.StartsWith("Pipeline.", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(ours, s => s.GetType().Name == "StartupInitializer");
        foreach (var service in ours)
        {
            await service.StartAsync(CancellationToken.None);
        }

        // As the host does once every service has started: readiness is marked then, whatever the start order.
        foreach (var service in ours.OfType<IHostedLifecycleService>())
        {
            await service.StartedAsync(CancellationToken.None);
        }

        (status, body) = await InvokeAsync(worker, functions, health!, "/api/health");
        Assert.Equal((200, "ready"), (status, body.RootElement.GetProperty("status").GetString()));
        var (_, list) = EntryPoint(worker, "Pipeline.Functions.ApiFunctions.ListArticlesAsync");
        (status, body) = await InvokeAsync(worker, functions, list!, "/api/articles?top=5");
        Assert.Equal(200, status);
        Assert.Equal(0, body.RootElement.GetProperty("items").GetArrayLength());
    }

    private static (Type Type, MethodInfo? Method) EntryPoint(PublishedWorker worker, string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = worker.Assembly.GetType(entryPoint[..split], throwOnError: true)!;
        return (type, type.GetMethod(entryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
    }

    // As the worker's default function activator does: constructor arguments from the host's services.
    private static object Create(PublishedWorker worker, Type type) =>
        ActivatorUtilities.CreateInstance(worker.Services, type);

    private static async Task<(int Status, JsonDocument Body)> InvokeAsync(PublishedWorker worker, object functions, MethodInfo method, string pathAndQuery)
    {
        var uri = new Uri("http://localhost" + pathAndQuery);
        var context = new DefaultHttpContext { RequestServices = worker.Services };
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        context.Response.Body = new MemoryStream();
        var result = method.Invoke(functions, [context.Request]);
        if (result is Task task)
        {
            await task;
            result = task.GetType().GetProperty("Result")!.GetValue(task);
        }

        await ((IResult)result!).ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await JsonDocument.ParseAsync(context.Response.Body));
    }
}
