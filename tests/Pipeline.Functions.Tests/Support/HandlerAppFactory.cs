using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pipeline.Core.Analysis;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Processing;

namespace Pipeline.Functions.Tests.Support;

/// <summary>
/// The real app with our own interfaces (parser, analyzer, repository) replaced by fakes, configured as the
/// Functions host would start it (FUNCTIONS_CUSTOMHANDLER_PORT set).
/// </summary>
public sealed class HandlerAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "0",
        ["Watcher:Enabled"] = "false",

        // Never contacted: the repository is a fake and start-up storage initialisation is removed below.
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Storage:Provider"] = "AzureTables",
    };

    public RecordingParser Parser { get; } = new();

    public FakeTextAnalyzer Analyzer { get; } = new();

    public FakeArticleRepository Repository { get; } = new();

    /// <summary>When set, every request appears to come from this address (to test the local-caller check).</summary>
    public IPAddress? RemoteAddress { get; set; }

    public HandlerAppFactory WithSetting(string key, string value)
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
            services.RemoveAll<IArticleParser>();
            RemoveStorageStartup(services);
            services.RemoveAll<ITextAnalyzer>();
            services.RemoveAll<IArticleRepository>();
            services.AddSingleton<IArticleParser>(Parser);
            services.AddSingleton<ITextAnalyzer>(Analyzer);
            services.AddSingleton<IArticleRepository>(Repository);
            if (RemoteAddress is { } address)
            {
                services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address));
            }
        });
    }

    // Our own hosted services create tables and containers at start-up (storage initialisation) or watch blobs;
    // with the repository faked there is no storage to reach. ASP.NET Core's own hosted services stay.
    private static void RemoveStorageStartup(IServiceCollection services)
    {
        static bool Ours(Type? type) => type?.Assembly.GetName().Name?.StartsWith("Pipeline.", StringComparison.Ordinal) == true;
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && (Ours(d.ImplementationType) || Ours(d.ImplementationFactory?.Method.DeclaringType) || Ours(d.ImplementationInstance?.GetType()))).ToList())
        {
            services.Remove(descriptor);
        }
    }

    private sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
