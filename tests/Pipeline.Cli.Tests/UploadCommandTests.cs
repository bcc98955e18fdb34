using System.Text;
using Pipeline.Cli.Tests.Support;
using Pipeline.Core.Articles;
using Pipeline.Core.Ingestion;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class UploadCommandTests(AzuriteFixture azurite)
{
    // "Café in Zürich" in ISO-8859-1: é = 0xE9, ü = 0xFC, invalid as UTF-8.
    private static readonly byte[] Latin1 = Encoding.Latin1.GetBytes("Café owners in Zürich\n\nThe café opened on Monday in Zürich.");

    // Windows-1252 curly quotes 0x93/0x94, which ISO-8859-1 maps to control characters.
    private static readonly byte[] Windows1252 = [.. Encoding.ASCII.GetBytes("Quotes\n\nShe said "), 0x93, .. Encoding.ASCII.GetBytes("yes"), 0x94, (byte)'.'];

    [Fact]
    public async Task Upload_Files_EachAnnouncedToTheLocalWatcherAsABlobCreatedEvent()
    {
        await using var cli = await CliHarness.CreateAsync(azurite);
        using var folder = new TempFolder();
        folder.Write("2016/a.txt", "T\n\nBody one.");
        folder.Write("2016/b.md", "# T\n\nBody two.");

        var run = await cli.RunAsync("upload", folder.Path, "--prefix", "nbcnews.com/");

        Assert.Equal(0, run.ExitCode);
        var queue = new Azure.Storage.Queues.QueueClient(cli.ConnectionString, cli.EventsQueue);
        var announced = (await queue.PeekMessagesAsync(32)).Value
            .Select(m => Pipeline.Storage.Blobs.ArticleEvents.Parse(m.Body, cli.Container))
            .ToList();
        Assert.Equal(
            [(Pipeline.Storage.Blobs.ArticleEventKind.Created, "nbcnews.com/2016/a.txt"), (Pipeline.Storage.Blobs.ArticleEventKind.Created, "nbcnews.com/2016/b.md")],
            announced.Select(a => a!.Value).Order().ToList());
    }

    [Fact]
    public async Task Upload_FolderOfFormatsAndEncodings_ContentTypeAndCharsetDetectedPerFile()
    {
        await using var cli = await CliHarness.CreateAsync(azurite);
        using var folder = new TempFolder();
        folder.Write("a.html", "<html><body><p>Café.</p></body></html>");
        folder.Write("b.json", """{"title":"T","body":"Body."}""");
        folder.Write("c.md", "# T\n\nBody.");
        folder.Write("d.txt", "T\n\nBody.");
        folder.Write("latin1.txt", Latin1);
        folder.Write("cp1252.txt", Windows1252);
        folder.Write("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("T\n\nBody.")]);
        folder.Write("sub/e.text", "T\n\nBody.");
        folder.Write("noext", "T\n\nBody.");
        folder.Write("binary.dat", [0x01, 0x00, 0x02, 0x00]);
        folder.Write("README.md", "not an article");
        folder.Write(".hidden/x.txt", "not an article");

        var run = await cli.RunAsync("upload", folder.Path);

        Assert.Equal(0, run.ExitCode);
        var types = (await cli.BlobPropertiesAsync()).ToDictionary(p => p.Key, p => p.Value.ContentType);
        Assert.Equal(new Dictionary<string, string>
        {
            ["a.html"] = "text/html; charset=utf-8",
            ["b.json"] = "application/json; charset=utf-8",
            ["c.md"] = "text/markdown; charset=utf-8",
            ["d.txt"] = "text/plain; charset=utf-8",
            ["latin1.txt"] = "text/plain; charset=iso-8859-1",
            ["cp1252.txt"] = "text/plain; charset=windows-1252",
            ["utf16.txt"] = "text/plain; charset=utf-16le",
            ["sub/e.text"] = "text/plain; charset=utf-8",
            ["noext"] = "text/plain; charset=utf-8",
            ["binary.dat"] = "application/octet-stream",
        }, types);
        Assert.Contains("10 uploaded", run.Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latin1.txt", "The café opened on Monday in Zürich.")]
    [InlineData("cp1252.txt", "She said \u201Cyes\u201D.")]
    public async Task Upload_LegacyEncodedFile_ThePipelineParserDecodesIt(string name, string expectedBody)
    {
        await using var cli = await CliHarness.CreateAsync(azurite);
        using var folder = new TempFolder();
        var file = folder.Write(name, name.StartsWith("latin1", StringComparison.Ordinal) ? Latin1 : Windows1252);

        Assert.Equal(0, (await cli.RunAsync("upload", file)).ExitCode);

        var blob = cli.Articles.GetBlobClient(name);
        var download = (await blob.DownloadContentAsync()).Value;
        var raw = new RawArticle(
            new BlobReference(cli.Container, name, download.Details.ETag.ToString(), download.Details.LastModified),
            download.Content.ToMemory(), download.Details.ContentType, download.Details.Metadata.AsReadOnly());
        Assert.Equal(expectedBody, new ArticleParser().Parse(raw).Body);
    }

    [Fact]
    public async Task Upload_MetadataFlags_StoredAsTheBlobMetadataThePipelineReads()
    {
        await using var cli = await CliHarness.CreateAsync(azurite);
        using var folder = new TempFolder();
        var file = folder.Write("story.txt", "T\n\nBody.");

        var run = await cli.RunAsync("upload", file, "--prefix", "2016/06/", "--source", "Valley Herald", "--published", "2016-06-10",
            "--title", "Hale Unveils Water Plan", "--language", "EN", "--author", "Theo Marsh", "--url", "https://valleyherald.example/a");

        Assert.Equal(0, run.ExitCode);
        var properties = Assert.Single(await cli.BlobPropertiesAsync());
        Assert.Equal("2016/06/story.txt", properties.Key);
        Assert.Equal(new Dictionary<string, string>
        {
            ["source"] = "Valley Herald",
            ["published"] = "2016-06-10",
            ["title"] = "Hale Unveils Water Plan",
            ["language"] = "en",
            ["author"] = "Theo Marsh",
            ["url"] = "https://valleyherald.example/a",
        }, properties.Value.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Theory]
    [InlineData("--language", "xx", "ISO 639-1")]
    [InlineData("--language", "english", "ISO 639-1")]
    [InlineData("--published", "last week", "ISO 8601")]
    [InlineData("--title", "Zürich council", "ASCII")]
    [InlineData("--source", "line\nbreak", "ASCII")]
    [InlineData("--url", "ftp://example.com/a", "http(s)")]
    [InlineData("--author", " ", "empty")]
    public async Task Upload_UnusableMetadata_UsageErrorAndNothingUploaded(string option, string value, string expected)
    {
        await using var cli = await CliHarness.CreateAsync(azurite);
        using var folder = new TempFolder();
        var file = folder.Write("story.txt", "T\n\nBody.");

        var run = await cli.RunAsync("upload", file, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.BlobPropertiesAsync());
    }

    [Fact]
    public async Task Upload_TitleWithSeveralFiles_RefusedBecauseItDescribesOneArticle()
    {
        await using var cli = await CliHarness.CreateAsync(azurite);
        using var folder = new TempFolder();
        folder.Write("a.txt", "A\n\nBody.");
        folder.Write("b.txt", "B\n\nBody.");

        var run = await cli.RunAsync("upload", folder.Path, "--title", "One headline");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--title describes one article, but 2 files were given", run.Console, StringComparison.Ordinal);
        Assert.Empty(await cli.BlobPropertiesAsync());
    }

    [Fact]
    public async Task Upload_MissingPath_FailsNamingIt()
    {
        await using var cli = await CliHarness.CreateAsync(azurite);

        var run = await cli.RunAsync("upload", "/no/such/story.txt");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Not found: /no/such/story.txt", run.Console, StringComparison.Ordinal);
    }
}
