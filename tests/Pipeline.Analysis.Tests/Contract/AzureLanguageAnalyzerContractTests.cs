using Pipeline.Analysis.Tests.AzureLanguage;
using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.Contract;

/// <summary>The Azure AI Language analyzer, through the local stub, against the shared contract.</summary>
public sealed class AzureLanguageAnalyzerContractTests : TextAnalyzerContractTests, IAsyncLifetime
{
    private AzureLanguageStub _stub = null!;

    public async Task InitializeAsync() => _stub = await AzureLanguageStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    protected override Task<ITextAnalyzer> CreateAnalyzerAsync() => Task.FromResult<ITextAnalyzer>(AzureLanguageHarness.Analyzer(_stub));
}
