using Microsoft.Extensions.Options;
using Pipeline.Analysis;
using Pipeline.Api.Health;
using Pipeline.Api.Queries;
using Pipeline.Core;
using Pipeline.Core.Processing;
using Pipeline.Storage;
using Pipeline.Storage.Configuration;

namespace Pipeline.Api;

public static class PipelineHostBuilderExtensions
{
    /// <summary>
    /// Everything both hosts (the standalone server and the Functions worker) need: ingestion and the article
    /// processor, the configured analyzer, the results store, the query cache, JSON and problem details for the API, readiness.
    /// </summary>
    public static TBuilder AddPipeline<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddPipelineCore(config.GetSection(ProcessingOptions.SectionName));
        services.AddTextAnalysis(config.GetSection(AnalysisOptions.SectionName));

        // The one place the results store is chosen for both hosts.
        services.AddPipelineStorage(config.GetSection(StorageOptions.SectionName));

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails();
        services.AddOptions<QueryCacheOptions>().Bind(config.GetSection(QueryCacheOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueryCacheOptions>, QueryCacheOptionsValidator>();
        services.AddSingleton<QueryCache>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<HealthProbe>();
        services.AddHostedService<StartupInitializer>();
        return builder;
    }
}
