using System.Text;
using BenchmarkDotNet.Attributes;
using Pipeline.Analysis.Local.Coreference;
using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Benchmarks;

/// <summary>
/// Throughput of the local analyzer's text and entity stages on a ~100 KB synthetic news text
/// (issue target for the whole analysis: 3 MB/s on one core). MB/s = 0.1 / mean seconds.
/// </summary>
[MemoryDiagnoser]
public class EntityBenchmarks
{
    private const string Paragraph =
        "Sen. Bernie Sanders told supporters in Des Moines, Iowa, on Tuesday that the Democratic National Committee " +
        "had failed working families. \u201CWe are going to win,\u201D Sanders said, adding that 52% of voters backed " +
        "his plan to raise the minimum wage to $15 an hour. Former Secretary of State Hillary Clinton, who campaigned in " +
        "New Hampshire last week, did not respond. Clinton\u2019s aides said the campaign raised $2.5 million in November.\n\n";

    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        while (sb.Length < 100_000)
        {
            sb.Append(Paragraph);
        }

        _text = sb.ToString();
        _ = EntityRecognizer.Default;
    }

    [Benchmark]
    public int TokenizeAndSplit()
    {
        var tokens = Tokenizer.Tokenize(_text);
        return SentenceSplitter.Split(_text, tokens).Count;
    }

    [Benchmark]
    public int EntitiesWithCoreference()
    {
        var tokens = Tokenizer.Tokenize(_text);
        var sentences = SentenceSplitter.Split(_text, tokens);
        var mentions = EntityRecognizer.Default.Find(_text, tokens, sentences);
        return NameCoreference.Resolve(_text, tokens, mentions).Count;
    }
}
