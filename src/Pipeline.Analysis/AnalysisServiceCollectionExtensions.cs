using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Analysis.Linking;
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

        Func<IServiceProvider, ITextAnalyzer> provider = options.Provider switch
        {
            AnalysisProvider.Local => AddLocal(services, options),
            AnalysisProvider.AzureLanguage => AddAzureLanguage(services, analysis.GetSection(AzureLanguageOptions.SectionName)),
            _ => throw new InvalidOperationException($"Analysis:Provider '{options.Provider}' is not supported."),
        };

        // Both providers go through the same entity linking, so they name people the same way.
        services.AddSingleton<ITextAnalyzer>(sp => new LinkingTextAnalyzer(provider(sp), NotablePersonLinker.Default));
        return services;
    }

    private static Func<IServiceProvider, ITextAnalyzer> AddLocal(IServiceCollection services, AnalysisOptions options)
    {
        services.AddSingleton(_ => new BackgroundLoadedAnalyzer(() => options.TargetNetworks ? LocalTextAnalyzer.CreateDefault() : LocalTextAnalyzer.CreateWithoutTargetNetworks()));
        services.AddHostedService<AnalyzerPreload>();
        return sp => sp.GetRequiredService<BackgroundLoadedAnalyzer>();
    }

    private static Func<IServiceProvider, ITextAnalyzer> AddAzureLanguage(IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<AzureLanguageOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureLanguageOptions>, AzureLanguageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<AzureLanguageTextAnalyzer>() ?? NullLogger<AzureLanguageTextAnalyzer>.Instance;
            return new AzureLanguageTextAnalyzer(options, CredentialFor(options), sp.GetRequiredService<TimeProvider>(), logger);
        };
    }

    // Key when configured; else a user-assigned managed identity when its client id is given; else DefaultAzureCredential
    // (managed identity in Azure, developer sign-in locally).
    private static TokenCredential? CredentialFor(AzureLanguageOptions options) =>
        !string.IsNullOrEmpty(options.ApiKey) ? null
        : !string.IsNullOrEmpty(options.ManagedIdentityClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId))
            : new DefaultAzureCredential();
}
