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
    public static TheoryData<string> Kinds() => [.. BadInputCorpus.Passing.Select(c => c.Kind)];

    [Fact]
    public void Corpus_HasAtLeastFortyKindsThatHoldToday() => Assert.True(BadInputCorpus.Passing.Count() >= 40, $"{BadInputCorpus.Passing.Count()} kinds");

    [Theory]
    [MemberData(nameof(Kinds))]
    public Task ProcessAsync_BadInputBetweenGoodArticles_ExactOutcomeAndGoodArticlesUnaffected(string kind) => VerifyKindAsync(kind);

    [Fact(Skip = "Language detection (issue #15): Chinese is stored as 'zh_chs', which is not ISO 639-1 and which the API's language filter rejects; it should be unscored 'zh'.")]
    public Task ProcessAsync_Chinese_UnscoredAsZh() => VerifyKindAsync("Chinese");

    [Fact(Skip = "Language detection (issue #15): emoji-only text is scored as '(Unknown)' (English-like); it should be unscored, as there are no words to score.")]
    public Task ProcessAsync_EmojiOnly_Unscored() => VerifyKindAsync("emoji only");

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
        var corpus = BadInputCorpus.Passing.ToList();
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
