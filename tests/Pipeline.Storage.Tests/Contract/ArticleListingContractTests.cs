using Pipeline.Core.Analysis;
using Pipeline.Core.Articles;
using Pipeline.Core.Queries;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests.Contract;

/// <summary>Listing semantics every results store must have: newest first, From inclusive / To exclusive, filters AND, paging, foreign tokens throw.</summary>
public abstract class ArticleListingContractTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static DateTimeOffset At(int month, int day, int hour = 12) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    // Nine articles over three months: varied sources, languages, sentiment, status and entities.
    private static List<ArticleRecord> Corpus() =>
    [
        new ArticleRecordBuilder().WithTimestamp(At(9, 2)).WithSource("Alpha News").WithEntity("Alice Adams").Build(),
        new ArticleRecordBuilder().WithTimestamp(At(9, 15)).WithSource("beta.example").WithLanguage("es").Unscored().Build(),
        new ArticleRecordBuilder().WithTimestamp(At(9, 30, 23)).WithSource("Alpha News").WithSentiment(ArticleRecordBuilder.ScoresFor(-0.8)).WithEntity("Bob Brown").Build(),
        new ArticleRecordBuilder().WithTimestamp(At(10, 1, 0)).WithSource("ALPHA NEWS").WithEntity("Alice Adams").WithEntity("Bob Brown").Build(),
        new ArticleRecordBuilder().WithTimestamp(At(10, 12)).WithSource("beta.example").Failed("Not an article.").Build(),
        new ArticleRecordBuilder().WithTimestamp(At(10, 20)).WithSource(null).WithEntity("Alice Adams").Build(),
        new ArticleRecordBuilder().WithTimestamp(At(11, 3)).WithSource("Alpha News").WithSentiment(ArticleRecordBuilder.ScoresFor(-0.6)).WithEntity("Alice Adams").Build(),
        new ArticleRecordBuilder().WithTimestamp(At(11, 4)).WithSource("beta.example").WithEntity("Bob Brown").Build(),
        new ArticleRecordBuilder().WithTimestamp(At(11, 20)).WithSource("Alpha News").WithSentiment(SentimentScores.NeutralOnly).Build(),
    ];

    /// <summary>A new, empty store.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    private async Task<(StoreUnderTest Store, List<ArticleRecord> Corpus)> SeedAsync()
    {
        var h = await CreateStoreAsync();
        var corpus = Corpus();
        foreach (var r in corpus)
        {
            await h.SaveAsync(r, Ct);
        }

        return (h, corpus);
    }

    private static List<string> NewestFirst(IEnumerable<ArticleRecord> records) =>
        records.OrderByDescending(r => r.Timestamp).Select(r => r.Id).ToList();

    [Fact]
    public async Task ListArticlesAsync_NoFilter_ReturnsAllNewestFirstWithSummaries()
    {
        var (h, corpus) = await SeedAsync();

        var page = await h.ListArticlesAsync(new ArticleQuery(), Ct);

        Assert.Equal(NewestFirst(corpus), page.Items.Select(i => i.Id).ToList());
        Assert.Null(page.ContinuationToken);
        var first = page.Items[0];
        Assert.Equal(("Candidate draws crowd in Ohio", "Alpha News", "en", Sentiment.Neutral), (first.Title, first.Source, first.Language, first.Sentiment!.Label));
        Assert.Equal(corpus[^1].Blob.Name, first.BlobName);
        Assert.Equal(corpus[^1].ProcessedAt, first.ProcessedAt);
    }

    [Fact]
    public async Task ListArticlesAsync_TimeWindow_ReturnsOnlyInsideWindowFromInclusiveToExclusive()
    {
        var (h, corpus) = await SeedAsync();
        var from = At(9, 30, 23);
        var to = At(11, 3);

        var page = await h.ListArticlesAsync(new ArticleQuery { From = from, To = to }, Ct);

        Assert.Equal(NewestFirst(corpus.Where(r => r.Timestamp >= from && r.Timestamp < to)), page.Items.Select(i => i.Id).ToList());
        Assert.Equal(4, page.Items.Count);
    }

    [Theory]
    [InlineData("alpha news")]
    [InlineData("  ALPHA News ")]
    public async Task ListArticlesAsync_BySource_MatchesCaseInsensitively(string source)
    {
        var (h, corpus) = await SeedAsync();

        var page = await h.ListArticlesAsync(new ArticleQuery { Source = source }, Ct);

        Assert.Equal(NewestFirst(corpus.Where(r => string.Equals(r.Source, "alpha news", StringComparison.OrdinalIgnoreCase))), page.Items.Select(i => i.Id).ToList());
        Assert.Equal(5, page.Items.Count);
    }

    [Fact]
    public async Task ListArticlesAsync_ByEntity_ReturnsArticlesMentioningItNewestFirst()
    {
        var (h, corpus) = await SeedAsync();

        var page = await h.ListArticlesAsync(new ArticleQuery { EntityId = "person-alice-adams" }, Ct);

        Assert.Equal(NewestFirst(corpus.Where(r => r.Analysis?.Entities.Any(e => e.Id == "person-alice-adams") == true)), page.Items.Select(i => i.Id).ToList());
        Assert.Equal(4, page.Items.Count);
    }

    [Fact]
    public async Task ListArticlesAsync_EntityAndSourceAndWindow_CombineWithAnd()
    {
        var (h, corpus) = await SeedAsync();

        var page = await h.ListArticlesAsync(new ArticleQuery { EntityId = "person-alice-adams", Source = "alpha news", From = At(10, 1, 0) }, Ct);

        var expected = corpus.Where(r => r.Analysis?.Entities.Any(e => e.Id == "person-alice-adams") == true && r.Source is not null
            && r.Source.Equals("alpha news", StringComparison.OrdinalIgnoreCase) && r.Timestamp >= At(10, 1, 0));
        Assert.Equal(NewestFirst(expected), page.Items.Select(i => i.Id).ToList());
        Assert.Equal(2, page.Items.Count);
    }

    [Fact]
    public async Task ListArticlesAsync_SentimentLanguageStatusFilters_EachSelectsMatchingArticles()
    {
        var (h, corpus) = await SeedAsync();

        var negative = await h.ListArticlesAsync(new ArticleQuery { Sentiment = Sentiment.Negative }, Ct);
        var spanish = await h.ListArticlesAsync(new ArticleQuery { Language = "ES" }, Ct);
        var unscored = await h.ListArticlesAsync(new ArticleQuery { Status = ArticleStatus.Unscored }, Ct);
        var failed = await h.ListArticlesAsync(new ArticleQuery { Status = ArticleStatus.Failed }, Ct);
        var negativeAlpha = await h.ListArticlesAsync(new ArticleQuery { Sentiment = Sentiment.Negative, Source = "Alpha News", To = At(11, 1) }, Ct);

        Assert.Equal(NewestFirst(corpus.Where(r => r.Analysis?.Sentiment?.Label == Sentiment.Negative)), negative.Items.Select(i => i.Id).ToList());
        Assert.Equal(2, negative.Items.Count);
        Assert.Equal([corpus[1].Id], spanish.Items.Select(i => i.Id));
        Assert.Equal([corpus[1].Id], unscored.Items.Select(i => i.Id));
        Assert.Equal([corpus[4].Id], failed.Items.Select(i => i.Id));
        Assert.Equal([corpus[2].Id], negativeAlpha.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task ListArticlesAsync_PagedAcrossMonths_ReturnsEveryArticleOnceInOrder(int top)
    {
        var (h, corpus) = await SeedAsync();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await h.ListArticlesAsync(new ArticleQuery { Top = top, ContinuationToken = token }, Ct);
            Assert.True(page.Items.Count <= top);
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 50);

        Assert.Equal(NewestFirst(corpus), seen);
    }

    [Fact]
    public async Task ListArticlesAsync_PagedWithFilters_ReturnsEveryMatchOnce()
    {
        var (h, corpus) = await SeedAsync();
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await h.ListArticlesAsync(new ArticleQuery { Top = 1, Status = ArticleStatus.Processed, ContinuationToken = token }, Ct);
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(NewestFirst(corpus.Where(r => r.Status == ArticleStatus.Processed)), seen);
    }

    [Fact]
    public async Task ListArticlesAsync_PagedByEntity_ContinuesInsidePartition()
    {
        var (h, corpus) = await SeedAsync();

        var first = await h.ListArticlesAsync(new ArticleQuery { EntityId = "person-alice-adams", Top = 3 }, Ct);
        var second = await h.ListArticlesAsync(new ArticleQuery { EntityId = "person-alice-adams", Top = 3, ContinuationToken = first.ContinuationToken }, Ct);

        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Single(second.Items);
        Assert.Null(second.ContinuationToken);
        Assert.Equal(NewestFirst(corpus.Where(r => r.Analysis?.Entities.Any(e => e.Id == "person-alice-adams") == true)),
            first.Items.Concat(second.Items).Select(i => i.Id).ToList());
    }

    [Fact]
    public async Task ListArticlesAsync_PagedBySourceWithWindow_ReturnsEveryMatchOnceInOrder()
    {
        var (h, corpus) = await SeedAsync();
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await h.ListArticlesAsync(new ArticleQuery { Source = "alpha news", To = At(11, 20), Top = 2, ContinuationToken = token }, Ct);
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(NewestFirst(corpus.Where(r => r.Source?.Equals("alpha news", StringComparison.OrdinalIgnoreCase) == true && r.Timestamp < At(11, 20))), seen);
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public async Task ListArticlesAsync_TokenFromOtherQueryOrGarbage_ThrowsInvalidContinuationToken()
    {
        var (h, _) = await SeedAsync();
        var byEntity = await h.ListArticlesAsync(new ArticleQuery { EntityId = "person-alice-adams", Top = 1 }, Ct);

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => h.ListArticlesAsync(new ArticleQuery { ContinuationToken = byEntity.ContinuationToken }, Ct));
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => h.ListArticlesAsync(new ArticleQuery { ContinuationToken = "not-a-token!!" }, Ct));
    }

    [Fact]
    public async Task ListArticlesAsync_EmptyStore_ReturnsEmptyPage()
    {
        var h = await CreateStoreAsync();

        var page = await h.ListArticlesAsync(new ArticleQuery { From = At(1, 1) }, Ct);

        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task ListArticlesAsync_SourcesAndBlobNamesWithReservedCharacters_RoundTrip()
    {
        var h = await CreateStoreAsync();
        var sources = new[] { "a/b", "news#1", "what?", "back\\slash", "Café Zeitung", "東京新聞", "tab\tsource" };
        foreach (var source in sources)
        {
            var record = new ArticleRecordBuilder().WithBlobName($"{source}/dir#x?y/ünï 文.txt").WithSource(source).WithEntity("Alice Adams").Build();
            await h.SaveAsync(record, Ct);
        }

        foreach (var source in sources)
        {
            var page = await h.ListArticlesAsync(new ArticleQuery { Source = source.ToUpperInvariant() }, Ct);
            var item = Assert.Single(page.Items);
            Assert.Equal(source, item.Source);
            Assert.Equal($"{source}/dir#x?y/ünï 文.txt", item.BlobName);
            Assert.NotNull(await h.GetArticleAsync(item.Id, Ct));
        }
    }
}
