using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pipeline.Server.Watcher;

public static class WatcherServiceCollectionExtensions
{
    /// <summary>The local blob watcher (a hosted service), on unless configured off.</summary>
    public static IServiceCollection AddLocalWatcher(this IServiceCollection services, IConfiguration watcher)
    {
        services.AddOptions<WatcherOptions>().Bind(watcher).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WatcherOptions>, WatcherOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WatcherOptions>, WatcherTimingValidator>());
        var enabled = watcher.GetValue<bool?>(nameof(WatcherOptions.Enabled)) ?? true;
        if (enabled)
        {
            services.AddSingleton<WatcherStatus>();
            services.AddHostedService<BlobWatcher>();
        }

        return services;
    }
}
