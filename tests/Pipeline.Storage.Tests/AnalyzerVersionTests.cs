using Pipeline.Core.Queries;
using Pipeline.Testing;
using Pipeline.Testing.Builders;

namespace Pipeline.Storage.Tests;

/// <summary>Listings carry the analyzer version that produced each article, so an operator can re-run older ones.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AnalyzerVersionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListArticlesAsync_AnalyzedAndFailedArticles_CarryTheAnalyzerVersionOrNull()
    {
        var h = await StorageHarness.CreateAsync(azurite);
        var analyzed = new ArticleRecordBuilder().Build();
        var failed = new ArticleRecordBuilder().Failed("Not an article.").Build();
        await h.Store.SaveAsync(analyzed, CancellationToken.None);
        await h.Store.SaveAsync(failed, CancellationToken.None);

        var page = await h.Store.ListArticlesAsync(new ArticleQuery(), CancellationToken.None);

        Assert.Equal("test/1.0", page.Items.Single(a => a.Id == analyzed.Id).AnalyzerVersion);
        Assert.Null(page.Items.Single(a => a.Id == failed.Id).AnalyzerVersion);
    }
}
