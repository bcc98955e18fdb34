using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Coverage;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;

namespace Pipeline.Storage.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// The embedded results store: <see cref="IArticleRepository"/>, <see cref="IArticleQueries"/>, <see cref="ICoverageStore"/> and
    /// <see cref="IReceiptStore"/> over one SQLite file, created at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="sqlite">The "Storage:Sqlite" configuration section.</param>
    public static IServiceCollection AddSqliteResultsStore(this IServiceCollection services, IConfiguration sqlite)
    {
        services.AddOptions<SqliteStorageOptions>().Bind(sqlite).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SqliteArticleStore>();
        services.TryAddSingleton<IArticleRepository>(sp => sp.GetRequiredService<SqliteArticleStore>());
        services.TryAddSingleton<IArticleQueries>(sp => sp.GetRequiredService<SqliteArticleStore>());
        services.TryAddSingleton<ICoverageStore>(sp => sp.GetRequiredService<SqliteArticleStore>());
        services.TryAddSingleton<IStoryIndex>(sp => sp.GetRequiredService<SqliteArticleStore>());
        services.TryAddSingleton<IReceiptStore, SqliteReceiptStore>();
        services.AddHostedService<SqliteInitializer>();
        return services;
    }
}
