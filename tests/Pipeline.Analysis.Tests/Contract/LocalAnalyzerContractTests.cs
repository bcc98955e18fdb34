using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Contract;

/// <summary>The embedded analyzer against the shared contract (needs the Local analyzer work merged).</summary>
public sealed class LocalAnalyzerContractTests : TextAnalyzerContractTests
{
    protected override Task<ITextAnalyzer> CreateAnalyzerAsync() => Task.FromResult<ITextAnalyzer>(LocalTextAnalyzer.CreateDefault());
}
