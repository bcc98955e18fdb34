using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pipeline.Core.Analysis;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;
using Pipeline.Core.Queries;
using Pipeline.Testing.Fakes;

namespace Pipeline.Server.Tests;

/// <summary>The real server with our own interfaces (parser, analyzer, repository) replaced by fakes and the watcher off.</summary>
public sealed class ServerAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal)
    {
        ["Watcher:Enabled"] = "false",

        // Never contacted: the repository is a fake and start-up storage initialisation is removed below.
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Storage:Provider"] = "AzureTables",
    };

    public FakeArticleRepository Repository { get; } = new();

    /// <summary>The endpoints the app really maps under /api, as routing sees them.</summary>
    public IEnumerable<RouteEndpoint> ApiEndpoints() =>
        Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);

    public ServerAppFactory WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            RemoveStorageStartup(services);
            services.RemoveAll<IArticleParser>();
            services.RemoveAll<ITextAnalyzer>();
            services.RemoveAll<IArticleRepository>();
            services.RemoveAll<IArticleQueries>();
            services.AddSingleton<IArticleParser>(new RecordingParser());
            services.AddSingleton<ITextAnalyzer>(new FakeTextAnalyzer());
            services.AddSingleton<IArticleRepository>(Repository);
            services.AddSingleton<IArticleQueries>(Repository);
        });
    }

    // Our own hosted services create tables and containers at start-up (storage initialisation) or watch blobs;
    // with the repository faked there is no storage to reach. ASP.NET Core's own hosted services stay.
    private static void RemoveStorageStartup(IServiceCollection services)
    {
        static bool Storage(Type? type) => type?.Assembly.GetName().Name == "Pipeline.Storage";
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && (Storage(d.ImplementationType) || Storage(d.ImplementationFactory?.Method.DeclaringType) || Storage(d.ImplementationInstance?.GetType()))).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
