using System.Text.Json;

namespace Pipeline.Server.Tests;

/// <summary>
/// The GC settings the server is built with (Pipeline.Server.csproj): the runtime reads them from the runtimeconfig.json
/// beside the binary, which the build copies here, so a setting dropped from the project file fails this test.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void RuntimeConfig_Built_KeepsServerGcWithGen0BudgetCappedAt8MB()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pipeline.Server.runtimeconfig.json")));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(8L << 20, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
    }
}
