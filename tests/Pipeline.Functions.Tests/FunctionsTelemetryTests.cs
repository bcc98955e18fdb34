using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Pipeline.Functions.Tests;

/// <summary>On Azure (an Application Insights connection string given) the worker exports traces and metrics; elsewhere nothing is registered.</summary>
public sealed class FunctionsTelemetryTests
{
    [Theory]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/", true)]
    [InlineData("", false)]
    public void AddPipelineTelemetry_ConnectionString_RegistersProvidersOnlyWhenGiven(string connectionString, bool expected)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration[FunctionsTelemetry.ConnectionStringSetting] = connectionString;

        builder.AddPipelineTelemetry();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Equal(expected, services.GetService<TracerProvider>() is not null);
        Assert.Equal(expected, services.GetService<MeterProvider>() is not null);
    }
}
