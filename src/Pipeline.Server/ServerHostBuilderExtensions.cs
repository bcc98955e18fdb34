using Pipeline.Api.Health;
using Pipeline.Server.Watcher;

namespace Pipeline.Server;

public static class ServerHostBuilderExtensions
{
    /// <summary>The local stand-in for the Functions blob trigger (Azurite has no Event Grid), reported by /api/health.</summary>
    public static TBuilder AddLocalWatcher<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLocalWatcher(builder.Configuration.GetSection(WatcherOptions.SectionName));
        builder.Services.AddSingleton<IWatcherReportSource, WatcherHealth>();
        return builder;
    }
}
