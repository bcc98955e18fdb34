namespace Pipeline.Analysis.Local.KeyPhrases;

/// <summary>All occurrences of one normalised phrase in a document.</summary>
/// <param name="words">The key's words as the document's word numbers (<see cref="KeyPhraseExtractor"/> numbers them): equal words, equal numbers.</param>
internal sealed class PhraseCandidate(int[] words, int firstOffset, int firstSentence)
{
    private string? _firstSurface;
    private double _firstWeight;
    private Dictionary<string, double>? _otherSurfaces;

    public int[] Words { get; } = words;

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

        // Most phrases are always written the same way: keep that one form inline, the rest in a dictionary.
        if (_firstSurface is null)
        {
            _firstSurface = surface.ToString();
            _firstWeight = surfaceWeight;
            return;
        }

        if (surface.SequenceEqual(_firstSurface))
        {
            _firstWeight += surfaceWeight;
            return;
        }

        _otherSurfaces ??= new Dictionary<string, double>(StringComparer.Ordinal);
        var others = _otherSurfaces.GetAlternateLookup<ReadOnlySpan<char>>();
        if (others.TryGetValue(surface, out var weight))
        {
            others[surface] = weight + surfaceWeight;
        }
        else
        {
            _otherSurfaces[surface.ToString()] = surfaceWeight;
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
        var best = _firstSurface!;
        var bestWeight = _firstWeight;
        if (_otherSurfaces is not null)
        {
            foreach (var (surface, weight) in _otherSurfaces)
            {
                // Ties keep the earlier form; dictionary order is insertion order while nothing is removed.
                if (weight > bestWeight)
                {
                    (best, bestWeight) = (surface, weight);
                }
            }
        }

        return best;
    }
}
