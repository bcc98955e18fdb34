using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Coverage;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;

namespace Pipeline.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Ingestion and the article processor. Needs an ITextAnalyzer, an IArticleRepository, an IStoryIndex and an ICoverageStore registered too.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="processing">The "Processing" configuration section.</param>
    public static IServiceCollection AddPipelineCore(this IServiceCollection services, IConfiguration processing)
    {
        services.AddOptions<ProcessingOptions>().Bind(processing).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessingOptions>, ProcessingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IArticleParser, ArticleParser>();
        services.TryAddSingleton<ResultsVersion>();
        services.TryAddSingleton<DuplicateStories>();
        services.TryAddSingleton<ArticleProcessor>();
        services.TryAddSingleton<CoverageQueries>();
        return services;
    }
}
