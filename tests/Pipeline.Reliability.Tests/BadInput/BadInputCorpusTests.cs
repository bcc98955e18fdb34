using Pipeline.Core.Articles;
using Pipeline.Reliability.Tests.Support;

namespace Pipeline.Reliability.Tests.BadInput;

/// <summary>
/// Each kind of bad input is processed between two good articles, concurrently, through the real parser, the
/// embedded analyzer and <see cref="Pipeline.Core.Processing.ArticleProcessor"/>: it gets exactly its expected outcome,
/// and the good articles come out as they would alone.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<string> Kinds() => [.. BadInputCorpus.All.Select(c => c.Kind)];

    [Fact]
    public void Corpus_HasAtLeastFortyKinds() => Assert.True(BadInputCorpus.All.Count >= 40, $"{BadInputCorpus.All.Count} kinds");

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task ProcessAsync_BadInputBetweenGoodArticles_ExactOutcomeAndGoodArticlesUnaffected(string kind) => VerifyKindAsync(kind);

    private static async Task VerifyKindAsync(string kind)
    {
        var bad = BadInputCorpus.Get(kind);
        var pipeline = new ProcessingPipeline();
        var good = GoodArticles.Create(kind.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));

        var records = await pipeline.ProcessAllAsync([good[0], bad.ToRaw(), good[1]]);

        bad.Expected.Verify(records[1]);
        await GoodArticles.VerifyUnaffectedAsync(records[0]);
        await GoodArticles.VerifyUnaffectedAsync(records[2]);
    }

    [Fact]
    public async Task ProcessAsync_WholeCorpusInOneBatch_EveryBlobHasExactlyOneRecord()
    {
        var pipeline = new ProcessingPipeline();
        var good = GoodArticles.Create("batch");
        var corpus = BadInputCorpus.All.ToList();
        var raws = corpus.Select(c => c.ToRaw()).Concat(good).ToList();

        var records = await pipeline.ProcessAllAsync(raws);

        Assert.Equal(raws.Count, pipeline.Repository.Records.Count);
        foreach (var (c, record) in corpus.Zip(records))
        {
            c.Expected.Verify(record);
        }

        await GoodArticles.VerifyUnaffectedAsync(records[^2]);
        await GoodArticles.VerifyUnaffectedAsync(records[^1]);
    }
}
