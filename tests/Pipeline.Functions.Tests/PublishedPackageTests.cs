using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Pipeline.Api;
using Pipeline.Functions.Tests.Support;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Functions.Tests;

/// <summary>
/// The deployable zip from ./publish.sh: the isolated worker's files at the zip root, and the functions it
/// declares to the host. Uses PIPELINE_PACKAGE when set, else runs ./publish.sh (a minute or more).
/// </summary>
[Trait("Category", "Publish")]
public sealed class PublishedPackageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Package_Layout_WorkerFilesAndExtensionsAtTheRoot()
    {
        using var zip = ZipFile.OpenRead(await PackageAsync());
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.All(["host.json", "worker.config.json", "functions.metadata", "extensions.json", "Pipeline.Functions.dll"], name => Assert.Contains(name, entries));
        Assert.Contains(entries, e => e.StartsWith(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Blobs", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith(".azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith("function.json", StringComparison.Ordinal));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "src", "Pipeline.Functions", "host.json")), Read(zip, "host.json"));

        using var worker = JsonDocument.Parse(Read(zip, "worker.config.json"));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("Pipeline.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
    }

    [Fact]
    public async Task Package_OurAssemblies_CompiledReadyToRun()
    {
        using var zip = ZipFile.OpenRead(await PackageAsync());

        // ReadyToRun code is what shortened cold start (bench/readytorun.sh): an IL-only build would still run, slower.
        Assert.All(["Pipeline.Functions.dll", "Pipeline.Api.dll", "Pipeline.Core.dll", "Pipeline.Analysis.dll", "Pipeline.Storage.dll"], name =>
        {
            using var copy = new MemoryStream();
            using (var entry = zip.GetEntry(name)!.Open())
            {
                entry.CopyTo(copy);
            }

            copy.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(copy);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{name} has no ReadyToRun code");
        });
    }

    [Fact]
    public async Task Package_FunctionsMetadata_KeysOnEveryHttpFunctionButHealthAndTheDocumentAndEventGridBlobTrigger()
    {
        using var zip = ZipFile.OpenRead(await PackageAsync());
        var functions = FunctionMetadata.Parse(Read(zip, "functions.metadata"));

        var http = functions.Where(f => f.TriggerType == "httpTrigger").ToList();
        Assert.NotEmpty(http);
        Assert.All(http, f => Assert.Equal(FunctionsMetadataTests.IsAnonymous(f.Name) ? "Anonymous" : "Function", f.Property("authLevel"), ignoreCase: true));
        var blob = Assert.Single(functions, f => f.TriggerType == "blobTrigger");
        Assert.Equal(nameof(ProcessArticle), blob.Name);
        Assert.Equal("EventGrid", blob.Property("source"));

        // What the build-output tests (FunctionsMetadataTests) checked against infra/ and the README is what ships.
        Assert.Equal(
            FunctionMetadata.FromBuildOutput().Select(f => f.Name + ":" + string.Join(",", f.Bindings.Select(b => b.GetRawText()))).Order(StringComparer.Ordinal),
            functions.Select(f => f.Name + ":" + string.Join(",", f.Bindings.Select(b => b.GetRawText()))).Order(StringComparer.Ordinal));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private Task<string> PackageAsync() => PublishedPackage.PathAsync(output);
}
