using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pipeline.Core.Processing;

namespace Pipeline.Functions;

internal static class FunctionsTelemetry
{
    /// <summary>The Application Insights connection string the Function App is given (infra/modules/functionapp.bicep).</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The article path's spans and metrics (<see cref="PipelineTelemetry"/>) with the worker's own, to Application
    /// Insights over Entra ID (the component accepts no keys; AZURE_CLIENT_ID names the identity). Without a
    /// connection string (tests, func start without one) nothing is registered.
    /// </summary>
    public static FunctionsApplicationBuilder AddPipelineTelemetry(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration[ConnectionStringSetting] is { Length: > 0 } connectionString)
        {
            var credential = new DefaultAzureCredential();
            builder.Services.AddOpenTelemetry()
                .UseFunctionsWorkerDefaults()
                .WithTracing(tracing => tracing.AddSource(PipelineTelemetry.Name).AddAzureMonitorTraceExporter(o => (o.ConnectionString, o.Credential) = (connectionString, credential)))
                .WithMetrics(metrics => metrics.AddMeter(PipelineTelemetry.Name).AddAzureMonitorMetricExporter(o => (o.ConnectionString, o.Credential) = (connectionString, credential)));
        }

        return builder;
    }
}
