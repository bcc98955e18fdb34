using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Pipeline.Core.Processing;

namespace Pipeline.Server.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry for the article path (<see cref="PipelineTelemetry"/>) and HTTP requests, exported as
    /// Telemetry:Exporter says. With None nothing is registered, so the SDK is not even loaded.
    /// </summary>
    public static TBuilder AddPipelineTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Exporter != TelemetryExporter.None)
        {
            AddOpenTelemetry(builder.Services, options.Exporter);
        }

        return builder;
    }

    private static void AddOpenTelemetry(IServiceCollection services, TelemetryExporter exporter) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("pipeline-server"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PipelineTelemetry.Name).AddAspNetCoreInstrumentation();
                _ = exporter == TelemetryExporter.Console ? tracing.AddConsoleExporter() : tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PipelineTelemetry.Name).AddAspNetCoreInstrumentation();
                _ = exporter == TelemetryExporter.Console ? metrics.AddConsoleExporter() : metrics.AddOtlpExporter();
            });
}
