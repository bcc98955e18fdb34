using Pipeline.Server.Watcher;

namespace Pipeline.Server.Tests.Watcher;

public sealed class ListingScheduleTests
{
    private static readonly WatcherOptions Options = new() { PollInterval = TimeSpan.FromMilliseconds(200), MaxPollInterval = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(0, 200)]
    [InlineData(1, 400)]
    [InlineData(3, 1600)]
    [InlineData(7, 25600)]
    [InlineData(8, 30000)]
    [InlineData(1000, 30000)]
    public void NextDelay_CheapListingsFindingNothing_DoubleUpToTheMaximum(int idleListings, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ListingSchedule.NextDelay(idleListings, TimeSpan.FromMilliseconds(5), Options));
    }

    [Fact]
    public void NextDelay_ListingsFindingChanges_StayAtThePollInterval()
    {
        Assert.Equal(Options.PollInterval, ListingSchedule.NextDelay(0, TimeSpan.FromMilliseconds(9), Options));
    }

    [Fact]
    public void NextDelay_CostlyListing_WaitsTwentyTimesItsDurationEvenPastTheMaximum()
    {
        // A 100,000-blob container takes Azurite about ten seconds to list.
        Assert.Equal(TimeSpan.FromSeconds(200), ListingSchedule.NextDelay(0, TimeSpan.FromSeconds(10), Options));
        Assert.Equal(TimeSpan.FromSeconds(200), ListingSchedule.NextDelay(50, TimeSpan.FromSeconds(10), Options));
    }
}
