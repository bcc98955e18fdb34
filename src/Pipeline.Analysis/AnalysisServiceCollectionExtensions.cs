using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>Registers the configured <see cref="ITextAnalyzer"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="analysis">The "Analysis" configuration section.</param>
    public static IServiceCollection AddTextAnalysis(this IServiceCollection services, IConfiguration analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var options = new AnalysisOptions();
        analysis.Bind(options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));

        switch (options.Provider)
        {
            case AnalysisProvider.Local:
                services.AddSingleton<ITextAnalyzer>(_ => LocalTextAnalyzer.CreateDefault());
                break;
            default:
                throw new InvalidOperationException($"Analysis:Provider '{options.Provider}' is not supported yet.");
        }

        return services;
    }
}
