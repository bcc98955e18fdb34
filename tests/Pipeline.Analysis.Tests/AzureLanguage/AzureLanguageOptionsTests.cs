using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Analysis.AzureLanguage;
using Pipeline.Core.Analysis;
using Pipeline.Testing.AzureLanguageStub;

namespace Pipeline.Analysis.Tests.AzureLanguage;

public sealed class AzureLanguageOptionsTests
{
    [Fact]
    public void Validate_Defaults_MatchTheServiceLimits()
    {
        var options = new AzureLanguageOptions { Endpoint = new Uri("https://x.cognitiveservices.azure.com") };

        Assert.True(new AzureLanguageOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(("2023-04-01", 10, 10, 5, 5120), (options.ApiVersion, options.SentimentBatchSize, options.KeyPhraseBatchSize, options.EntityBatchSize, options.MaxDocumentLength));
    }

    [Theory]
    [InlineData(null, "Endpoint")]
    [InlineData("http://my-language.cognitiveservices.azure.com", "Endpoint")]
    public void Validate_BadEndpoint_Fails(string? endpoint, string member)
    {
        var options = new AzureLanguageOptions { Endpoint = endpoint is null ? null : new Uri(endpoint) };

        var result = new AzureLanguageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(member, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpLoopback_IsAllowedForStubs()
    {
        var options = new AzureLanguageOptions { Endpoint = new Uri("http://127.0.0.1:5000") };

        Assert.True(new AzureLanguageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(nameof(AzureLanguageOptions.EntityBatchSize), 6)]
    [InlineData(nameof(AzureLanguageOptions.SentimentBatchSize), 11)]
    [InlineData(nameof(AzureLanguageOptions.KeyPhraseBatchSize), 0)]
    [InlineData(nameof(AzureLanguageOptions.MaxDocumentLength), 5121)]
    [InlineData(nameof(AzureLanguageOptions.MaxRetries), 11)]
    public void Validate_OutOfRangeNumber_Fails(string property, int value)
    {
        var options = new AzureLanguageOptions { Endpoint = new Uri("https://x.cognitiveservices.azure.com") };
        typeof(AzureLanguageOptions).GetProperty(property)!.SetValue(options, value);

        var result = new AzureLanguageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(property, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadApiVersionOrTimeout_Fails()
    {
        var options = new AzureLanguageOptions
        {
            Endpoint = new Uri("https://x.cognitiveservices.azure.com"),
            ApiVersion = "latest",
            RequestTimeout = TimeSpan.FromHours(1),
        };

        var result = new AzureLanguageOptionsValidator().Validate(null, options);

        Assert.Contains(nameof(AzureLanguageOptions.ApiVersion), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(AzureLanguageOptions.RequestTimeout), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTextAnalysis_AzureLanguageWithoutEndpoint_FailsValidation()
    {
        using var provider = Services(new Dictionary<string, string?> { ["Provider"] = "AzureLanguage" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITextAnalyzer>());
    }

    [Fact]
    public async Task AddTextAnalysis_AzureLanguageSection_AnalyzesThroughTheConfiguredEndpoint()
    {
        await using var stub = await AzureLanguageStub.StartAsync();
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Provider"] = "AzureLanguage",
            ["AzureLanguage:Endpoint"] = stub.HttpEndpoint.ToString(),
            ["AzureLanguage:ApiKey"] = stub.ApiKey,
            ["AzureLanguage:EntityBatchSize"] = "3",
        });

        var analyzer = provider.GetRequiredService<ITextAnalyzer>();
        var result = await analyzer.AnalyzeAsync(new AnalysisRequest("Bernie Sanders spoke in Iowa."), CancellationToken.None);

        Assert.IsType<Pipeline.Analysis.Linking.LinkingTextAnalyzer>(analyzer); // the Azure analyzer behind the shared entity linking
        Assert.Same(analyzer, provider.GetRequiredService<ITextAnalyzer>());
        Assert.Equal("azure-language/2023-04-01", result.Analyzer);
        Assert.Equal(3, provider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value.EntityBatchSize);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTextAnalysis(configuration).BuildServiceProvider();
    }
}
