using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pipeline.Functions.Watcher;

public static class WatcherServiceCollectionExtensions
{
    /// <summary>The local blob watcher (a hosted service), on unless configured off or the Functions host triggers instead.</summary>
    public static IServiceCollection AddLocalWatcher(this IServiceCollection services, IConfiguration watcher, bool underFunctionsHost)
    {
        services.AddOptions<WatcherOptions>().Bind(watcher).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WatcherOptions>, WatcherOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WatcherOptions>, WatcherTimingValidator>());
        var enabled = watcher.GetValue<bool?>(nameof(WatcherOptions.Enabled)) ?? !underFunctionsHost;
        if (enabled)
        {
            services.AddSingleton<WatcherStatus>();
            services.AddHostedService<BlobWatcher>();
        }

        return services;
    }
}
