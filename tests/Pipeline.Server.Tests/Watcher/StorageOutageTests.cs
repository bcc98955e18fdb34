using Azure;
using Pipeline.Server.Watcher;

namespace Pipeline.Server.Tests.Watcher;

/// <summary>
/// The watcher survives an outage longer than the SDK's retries: then the SDK throws an AggregateException of the
/// attempts' errors, which once ended the watcher (and the host) instead of waiting for storage to come back.
/// </summary>
public sealed class StorageOutageTests
{
    private static RequestFailedException Refused() => new("Connection refused (127.0.0.1:10000)", new System.Net.Http.HttpRequestException("Connection refused"));

    [Fact]
    public void Is_RetriesExhaustedAggregateOfStorageErrors_IsOutage()
    {
        var exhausted = new AggregateException("Retry failed after 4 tries.", Refused(), Refused(), new RequestFailedException(503, "Service Unavailable"));

        Assert.True(StorageOutage.Is(exhausted));
        Assert.Equal(503, StorageOutage.StatusOf(exhausted));
    }

    [Fact]
    public void Is_OneStorageError_IsOutageWithItsStatus()
    {
        Assert.True(StorageOutage.Is(new RequestFailedException(500, "Internal error")));
        Assert.Equal(500, StorageOutage.StatusOf(new RequestFailedException(500, "Internal error")));
        Assert.Equal(0, StorageOutage.StatusOf(Refused()));
    }

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void Is_AnythingElse_NotAnOutage(Exception ex) => Assert.False(StorageOutage.Is(ex));

    public static TheoryData<Exception> NotOutages => new()
    {
        new InvalidOperationException("a bug"),
        new AggregateException(new RequestFailedException(503, "busy"), new InvalidOperationException("a bug")),
        new AggregateException(),
        new OperationCanceledException(),
    };
}
