namespace Pipeline.Benchmarks.Corpus;

/// <summary>The corpora a run measures, built once per process: "synthetic" always, "seeds" when a folder was given.</summary>
public static class BenchCorpora
{
    public const string Synthetic = "synthetic";
    public const string Seeds = "seeds";
    public const string Samples = "samples";

    private static readonly Lazy<BenchCorpus> SyntheticCorpusValue = new(() => SyntheticCorpus.Generate());
    private static Lazy<BenchCorpus?> _seeds = new(() => null);
    private static Lazy<BenchCorpus?> _samples = new(() => null);

    /// <summary>Set by Program before the run (from --seeds / --samples); the in-process toolchain shares this state.</summary>
    public static void UseFolders(string? seeds, string? samples)
    {
        _seeds = new Lazy<BenchCorpus?>(() => SeedCorpus.TryLoad(seeds, Seeds));
        _samples = new Lazy<BenchCorpus?>(() => SeedCorpus.TryLoad(samples, Samples));
    }

    public static IEnumerable<string> Names =>
        new[] { (Synthetic, true), (Samples, _samples.Value is not null), (Seeds, _seeds.Value is not null) }
            .Where(c => c.Item2).Select(c => c.Item1).ToArray();

    public static BenchCorpus Get(string name) => name switch
    {
        Synthetic => SyntheticCorpusValue.Value,
        Seeds => _seeds.Value ?? throw new InvalidOperationException("No seeds corpus: pass --seeds <folder>."),
        Samples => _samples.Value ?? throw new InvalidOperationException("No samples corpus: pass --samples <folder>."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown corpus."),
    };
}
