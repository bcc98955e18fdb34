namespace Pipeline.Api.Health;

/// <summary>Set once start-up work (storage tables and containers) is done; /api/health reports it.</summary>
public sealed class Readiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
