namespace Pipeline.Cli.Export;

/// <summary>One exported record: named values in column order (strings, numbers, times or null).</summary>
internal sealed record ExportRow(IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    public static ExportRow Of(params (string Name, object? Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)).ToList());
}
