using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Processing;
using Pipeline.Testing.Fakes;

namespace Pipeline.Functions.Tests.Support;

/// <summary>The real <see cref="ArticleProcessor"/> over fakes of our own interfaces.</summary>
public sealed class Processing
{
    public RecordingParser Parser { get; } = new();

    public FakeTextAnalyzer Analyzer { get; } = new();

    public FakeArticleRepository Repository { get; } = new();

    public ProcessingOptions Options { get; } = new();

    public ArticleProcessor CreateProcessor() =>
        new(Parser, Analyzer, Repository, Repository.Duplicates(), Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<ArticleProcessor>.Instance);
}
