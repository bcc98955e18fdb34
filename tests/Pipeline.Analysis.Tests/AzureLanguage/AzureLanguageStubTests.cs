using Azure;
using Pipeline.Analysis.AzureLanguage.Wire;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>The stub enforces the service's request rules, so client mistakes fail here as they would in Azure.</summary>
public sealed class AzureLanguageStubTests : IAsyncLifetime
{
    private static readonly TaskParameters Offsets = new() { StringIndexType = "Utf16CodeUnit" };
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Stub_DocumentOver5120TextElements_PerDocumentErrorOthersAnalyzed()
    {
        InputDocument[] documents = [new("a", new string('x', 5121)), new("b", "Bernie Sanders spoke."), new("c", new string('x', 5120))];

        var outcomes = await AzureLanguageHarness.Client(_stub).AnalyzeAsync("EntityRecognition", Offsets, documents, CancellationToken.None);

        Assert.Equal("InvalidDocument", outcomes[0].Error!.Innermost.Code);
        Assert.Contains("5120 text elements", outcomes[0].Error!.Innermost.Message, StringComparison.Ordinal);
        Assert.NotNull(outcomes[1].Document);
        Assert.NotNull(outcomes[2].Document);
    }

    [Fact]
    public async Task Stub_SixEntityDocuments_400InvalidDocumentBatch()
    {
        var documents = Enumerable.Range(0, 6).Select(i => new InputDocument(i.ToString(), "Text.")).ToList();

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => AzureLanguageHarness.Client(_stub).AnalyzeAsync("EntityRecognition", Offsets, documents, CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Contains("Max 5 records are permitted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stub_MissingStringIndexTypeForOffsets_400()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => AzureLanguageHarness.Client(_stub)
            .AnalyzeAsync("SentimentAnalysis", new TaskParameters(), [new InputDocument("0", "Text.")], CancellationToken.None));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Stub_UnknownApiVersion_404()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => AzureLanguageHarness.Client(_stub, o => o.ApiVersion = "2019-01-01")
            .AnalyzeAsync("KeyPhraseExtraction", new TaskParameters(), [new InputDocument("0", "Text.")], CancellationToken.None));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task Stub_EntityOffsets_AreUtf16AfterEmoji()
    {
        const string text = "\U0001F469\U0001F3FB\u200D\U0001F469 met Bernie Sanders in Iowa.";

        var outcomes = await AzureLanguageHarness.Client(_stub)
            .AnalyzeAsync("EntityRecognition", Offsets, [new InputDocument("0", text)], CancellationToken.None);

        Assert.All(outcomes[0].Document!.Entities!, e => Assert.Equal(e.Text, text.Substring(e.Offset, e.Length)));
        Assert.Contains(outcomes[0].Document!.Entities!, e => e.Text == "Bernie Sanders" && e.Offset == text.IndexOf("Bernie", StringComparison.Ordinal));
    }
}
