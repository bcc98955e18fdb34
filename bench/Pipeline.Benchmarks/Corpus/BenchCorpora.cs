namespace Pipeline.Benchmarks.Corpus;

/// <summary>The corpora a run measures, built once per process: "synthetic" always, "seeds" when a folder was given.</summary>
public static class BenchCorpora
{
    public const string Synthetic = "synthetic";
    public const string Seeds = "seeds";

    private static readonly Lazy<BenchCorpus> SyntheticCorpusValue = new(() => SyntheticCorpus.Generate());
    private static Lazy<BenchCorpus?> _seeds = new(() => null);

    /// <summary>Set by Program before the run (from --seeds); the in-process toolchain shares this state.</summary>
    public static void UseSeedsFolder(string? folder) => _seeds = new Lazy<BenchCorpus?>(() => SeedCorpus.TryLoad(folder));

    public static IEnumerable<string> Names => _seeds.Value is null ? [Synthetic] : [Synthetic, Seeds];

    public static BenchCorpus Get(string name) => name switch
    {
        Synthetic => SyntheticCorpusValue.Value,
        Seeds => _seeds.Value ?? throw new InvalidOperationException("No seeds corpus: pass --seeds <folder>."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown corpus."),
    };
}
