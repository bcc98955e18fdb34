using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Pipeline.Server.Tests;

/// <summary>Traces and metrics are collected only when an exporter is configured.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Start_NoExporter_NoOpenTelemetryProviders()
    {
        using var factory = new ServerAppFactory();
        _ = factory.Server;

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("Console")]
    [InlineData("Otlp")]
    public void Start_Exporter_TracesAndMetricsProvidersRegistered(string exporter)
    {
        using var factory = new ServerAppFactory().WithSetting("Telemetry:Exporter", exporter);
        _ = factory.Server;

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }
}
