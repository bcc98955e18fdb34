using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>Entity-level exact-match counts per type (PER, LOC, ORG, MISC).</summary>
internal sealed class NerScore
{
    private readonly int[] _tp = new int[4];
    private readonly int[] _predicted = new int[4];
    private readonly int[] _gold = new int[4];

    public void Add(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        var g = NerTags.Spans(gold);
        var p = NerTags.Spans(predicted);
        var goldSet = g.ToHashSet();
        foreach (var s in g)
        {
            _gold[s.Type]++;
        }

        foreach (var s in p)
        {
            _predicted[s.Type]++;
            if (goldSet.Contains(s))
            {
                _tp[s.Type]++;
            }
        }
    }

    /// <summary>Adds another score's counts (pooling folds or files).</summary>
    public void Add(NerScore other)
    {
        for (var t = 0; t < _tp.Length; t++)
        {
            _tp[t] += other._tp[t];
            _predicted[t] += other._predicted[t];
            _gold[t] += other._gold[t];
        }
    }

    public static NerScore Run(NerTagger tagger, IReadOnlyList<LabelledSentence> sentences)
    {
        var score = new NerScore();
        foreach (var s in sentences)
        {
            var tags = new int[s.Tokens.Length];
            tagger.Tag(s.Text, s.Tokens, tags, []);
            score.Add(s.Tags, tags);
        }

        return score;
    }

    /// <summary>
    /// The whole entity recognizer (tagger + category rules + rule entities) instead of the tagger alone: Person, Location,
    /// Organization as PER, LOC, ORG; Event and Product as MISC; dates, quantities and role nouns ignored.
    /// </summary>
    public static NerScore RunRecognizer(IReadOnlyList<LabelledSentence> sentences)
    {
        var score = new NerScore();
        foreach (var s in sentences)
        {
            var tags = new int[s.Tokens.Length];
            foreach (var m in EntityRecognizer.Default.Find(s.Text, s.Tokens, [new Analysis.Local.Text.TextSpan(0, s.Tokens.Length)]))
            {
                var type = m.Category switch
                {
                    EntityCategories.Person => 0,
                    EntityCategories.Location => 1,
                    EntityCategories.Organization => 2,
                    EntityCategories.Event or EntityCategories.Product => 3,
                    _ => -1,
                };
                if (type >= 0)
                {
                    tags[m.FirstToken] = NerTags.Begin(type);
                    tags.AsSpan(m.FirstToken + 1, m.EndToken - m.FirstToken - 1).Fill(NerTags.Inside(type));
                }
            }

            score.Add(s.Tags, tags);
        }

        return score;
    }

    /// <summary>Micro P/R/F1 over the given types (0 PER, 1 LOC, 2 ORG, 3 MISC), in percent.</summary>
    public (double Precision, double Recall, double F1) Micro(params int[] types)
    {
        double tp = types.Sum(t => _tp[t]), pr = types.Sum(t => _predicted[t]), go = types.Sum(t => _gold[t]);
        var p = pr == 0 ? 0 : 100 * tp / pr;
        var r = go == 0 ? 0 : 100 * tp / go;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    public IReadOnlyList<KeyValuePair<string, string>> Metrics()
    {
        static string F(double v) => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var main = Micro(0, 1, 2);
        return
        [
            new("microF1", F(main.F1)),
            new("PER_F1", F(Micro(0).F1)),
            new("LOC_F1", F(Micro(1).F1)),
            new("ORG_F1", F(Micro(2).F1)),
            new("MISC_F1", F(Micro(3).F1)),
            new("precision", F(main.Precision)),
            new("recall", F(main.Recall)),
        ];
    }
}
