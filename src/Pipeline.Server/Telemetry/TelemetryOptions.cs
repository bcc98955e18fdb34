namespace Pipeline.Server.Telemetry;

/// <summary>Where the local server sends its traces and metrics (configuration section "Telemetry").</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// None (the default: nothing is collected), Console (spans and metrics written to the console), or Otlp (to the
    /// collector named by the standard OTEL_EXPORTER_OTLP_ENDPOINT, http://localhost:4317 when unset).
    /// </summary>
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;
}

public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
