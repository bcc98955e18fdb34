namespace Pipeline.Analysis.Local.KeyPhrases;

/// <summary>All occurrences of one normalised phrase in a document.</summary>
internal sealed class PhraseCandidate(string key, int firstOffset, int firstSentence)
{
    private readonly Dictionary<string, double> _surfaces = new(StringComparer.Ordinal);

    public string Key { get; } = key;

    public string[] Words { get; } = key.Split(' ');

    public int FirstOffset { get; private set; } = firstOffset;

    public int FirstSentence { get; private set; } = firstSentence;

    public double Count { get; private set; }

    /// <summary>Occurrences written entirely in capitals-first words (a name).</summary>
    public double ProperWeight { get; private set; }

    public PhraseCandidate? MergedInto { get; private set; }

    public void AddOccurrence(ReadOnlySpan<char> surface, double surfaceWeight, bool proper)
    {
        Count++;
        ProperWeight += proper ? 1 : 0;
        var surfaces = _surfaces.GetAlternateLookup<ReadOnlySpan<char>>();
        if (surfaces.TryGetValue(surface, out var weight))
        {
            surfaces[surface] = weight + surfaceWeight;
        }
        else
        {
            _surfaces[surface.ToString()] = surfaceWeight;
        }
    }

    /// <summary>Folds this phrase's occurrences into a longer phrase that contains it.</summary>
    public void MergeInto(PhraseCandidate target)
    {
        MergedInto = target;
        target.Count += Count;
        if (target.ProperWeight > 0)
        {
            target.ProperWeight += ProperWeight; // a name merged into a name stays a name
        }
        if (FirstOffset < target.FirstOffset)
        {
            target.FirstOffset = FirstOffset;
            target.FirstSentence = FirstSentence;
        }
    }

    /// <summary>The most common way the phrase was written; ties go to the form seen first.</summary>
    public string SurfaceForm()
    {
        string? best = null;
        double bestWeight = -1;
        foreach (var (surface, weight) in _surfaces)
        {
            if (weight > bestWeight)
            {
                (best, bestWeight) = (surface, weight);
            }
        }

        return best!;
    }
}
