using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pipeline.Analysis;
using Pipeline.Api.Health;
using Pipeline.Api.Queries;
using Pipeline.Core.Coverage;
using Pipeline.Core.Processing;
using Pipeline.Testing.Builders;
using Pipeline.Testing.Fakes;

namespace Pipeline.Functions.Tests;

/// <summary>The HTTP functions return what the shared handlers return for the same request.</summary>
public sealed class ApiFunctionsTests
{
    private readonly FakeArticleRepository _repository = new();
    private readonly Readiness _readiness = new();

    [Fact]
    public async Task GetArticleAsync_StoredArticle_OkWithDetails()
    {
        var record = new ArticleRecordBuilder().Build();
        await _repository.SaveAsync(record, default);

        var result = await Functions().GetArticleAsync(Request(), record.Id);

        var ok = Assert.IsType<Ok<ArticleDetails>>(result.Result);
        Assert.Equal(record.Id, ok.Value!.Id);
    }

    [Fact]
    public async Task GetArticleAsync_MalformedId_ValidationProblemNamingId()
    {
        var result = await Functions().GetArticleAsync(Request(), "not-an-id");

        var problem = Assert.IsType<ValidationProblem>(result.Result);
        Assert.Contains("id", problem.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public async Task ListArticlesAsync_FunctionKeyAndTypo_OnlyTheTypoIsRejected()
    {
        var result = await Functions().ListArticlesAsync(Request("?code=function-key&sentimnet=negative"));

        var problem = Assert.IsType<ValidationProblem>(result.Result);
        Assert.Equal(["sentimnet"], problem.ProblemDetails.Errors.Keys);
    }

    [Fact]
    public void Health_BeforeStartUpCompleted_503ThenReady()
    {
        var starting = Assert.IsType<JsonHttpResult<HealthReport>>(Functions().Health(Request()).Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, starting.StatusCode);

        _readiness.MarkReady();

        var ready = Assert.IsType<Ok<HealthReport>>(Functions().Health(Request()).Result);
        Assert.Equal("ready", ready.Value!.Status);
        Assert.Null(ready.Value.Watcher);
    }

    private ApiFunctions Functions() =>
        new(_repository, new CoverageQueries(_repository), new QueryCache(new ResultsVersion(), TimeProvider.System, Options.Create(new QueryCacheOptions())),
            new HealthProbe(_readiness, Options.Create(new AnalysisOptions()), []));

    private static HttpRequest Request(string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
