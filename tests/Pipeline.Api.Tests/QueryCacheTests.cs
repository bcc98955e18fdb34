using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Api.Queries;
using Pipeline.Core.Processing;

namespace Pipeline.Api.Tests;

public sealed class QueryCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ResultsVersion _results = new();
    private int _reads;

    private QueryCache Cache(int maxAgeSeconds = 5) =>
        new(_results, _time, Options.Create(new QueryCacheOptions { MaxAgeSeconds = maxAgeSeconds }));

    private static HttpRequest Request(string path = "/api/entities", string query = "?top=5")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    // The "store": every read answers with a new number, so a cached answer is recognisable.
    private Task<string> ReadAsync(CancellationToken cancellationToken) => Task.FromResult("answer " + Interlocked.Increment(ref _reads));

    [Fact]
    public async Task GetAsync_SameQueryNoWrite_ReadsOnce()
    {
        var cache = Cache();

        var first = await cache.GetAsync(Request(), ReadAsync, default);
        var second = await cache.GetAsync(Request("/api/entities", "?top=5&code=secret-key"), ReadAsync, default);

        Assert.Equal("answer 1", second.Value);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_DifferentQueries_AnsweredSeparately()
    {
        var cache = Cache();

        await cache.GetAsync(Request(query: "?top=5"), ReadAsync, default);
        var other = await cache.GetAsync(Request(query: "?top=6"), ReadAsync, default);

        Assert.Equal("answer 2", other.Value);
    }

    [Fact]
    public async Task GetAsync_AfterWriteInThisProcess_ReadsAgainAtOnce()
    {
        var cache = Cache();
        var before = await cache.GetAsync(Request(), ReadAsync, default);

        _results.Advance();
        var after = await cache.GetAsync(Request(), ReadAsync, default);

        Assert.Equal("answer 2", after.Value);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Fact]
    public async Task GetAsync_WriteByAnotherProcess_StaleForAtMostMaxAge()
    {
        var cache = Cache(maxAgeSeconds: 5);
        await cache.GetAsync(Request(), ReadAsync, default);

        // Another instance writes: this process is not told. Its answer may be served until it is 5 s old ...
        _time.Advance(TimeSpan.FromSeconds(4.9));
        var stale = await cache.GetAsync(Request(), ReadAsync, default);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var fresh = await cache.GetAsync(Request(), ReadAsync, default);

        Assert.Equal("answer 1", stale.Value);
        Assert.Equal(0, stale.MaxAgeSeconds); // and clients are told how long they may reuse it
        Assert.Equal("answer 2", fresh.Value);
        Assert.Equal(5, fresh.MaxAgeSeconds);
    }

    [Fact]
    public async Task GetAsync_MaxAgeZero_ReadsEveryTimeWithoutETag()
    {
        var cache = Cache(maxAgeSeconds: 0);

        await cache.GetAsync(Request(), ReadAsync, default);
        var second = await cache.GetAsync(Request(), ReadAsync, default);

        Assert.Equal("answer 2", second.Value);
        Assert.Null(second.ETag);
    }

    [Fact]
    public async Task GetAsync_ReadFails_ErrorNotKept()
    {
        var cache = Cache();

        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync<string>(Request(), _ => throw new TimeoutException("store down"), default));
        var next = await cache.GetAsync(Request(), ReadAsync, default);

        Assert.Equal("answer 1", next.Value);
    }

    [Fact]
    public async Task GetAsync_ConcurrentMisses_ShareOneRead()
    {
        var cache = Cache();
        var gate = new TaskCompletionSource();

        var waiting = Enumerable.Range(0, 8).Select(_ => cache.GetAsync(Request(), async ct => { await gate.Task; return await ReadAsync(ct); }, default)).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(waiting);

        Assert.All(answers, a => Assert.Equal("answer 1", a.Value));
        Assert.Equal(1, _reads);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task WriteHeaders_IfNoneMatch_TrueOnlyForTheCurrentETag(bool sendCurrent, bool expected)
    {
        var cache = Cache();
        var answer = await cache.GetAsync(Request(), ReadAsync, default);
        var context = new DefaultHttpContext();
        context.Request.Headers.IfNoneMatch = sendCurrent ? answer.ETag : "\"other-1\"";

        var notModified = answer.WriteHeaders(context);

        Assert.Equal(expected, notModified);
        Assert.Equal(answer.ETag, context.Response.Headers.ETag.ToString());
        Assert.Equal("private, max-age=5", context.Response.Headers.CacheControl.ToString());
    }
}
