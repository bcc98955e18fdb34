using Pipeline.Functions.Api;

namespace Pipeline.Functions.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>What the ASP.NET Core app itself needs: JSON, problem details, readiness and start-up work.</summary>
    public static IServiceCollection AddPipelineHosting(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails();
        services.AddSingleton<Readiness>();
        services.AddHostedService<StartupInitializer>();
        return services;
    }
}
