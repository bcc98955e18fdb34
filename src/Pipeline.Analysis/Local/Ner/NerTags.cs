namespace Pipeline.Analysis.Local.Ner;

/// <summary>BIO tags over PER/LOC/ORG/MISC. Index 0 is O; B-X = 2k+1, I-X = 2k+2.</summary>
public static class NerTags
{
    public const int Count = 9;
    public const int Outside = 0;

    private static readonly string[] Names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
    private static readonly string[] Types = ["PER", "LOC", "ORG", "MISC"];

    public static string Name(int tag) => Names[tag];

    public static int Parse(string tag) => Array.IndexOf(Names, tag) is var i and >= 0 ? i : Outside;

    public static bool IsBegin(int tag) => tag % 2 == 1;

    public static bool IsInside(int tag) => tag != 0 && tag % 2 == 0;

    /// <summary>Entity type index 0..3 (PER, LOC, ORG, MISC), or -1 for O.</summary>
    public static int TypeOf(int tag) => tag == 0 ? -1 : (tag - 1) / 2;

    /// <summary>The B- tag of entity type <paramref name="type"/> (the inverse of <see cref="TypeOf"/>).</summary>
    public static int Begin(int type) => (2 * type) + 1;

    /// <summary>The I- tag of entity type <paramref name="type"/>.</summary>
    public static int Inside(int type) => (2 * type) + 2;

    public static string TypeName(int type) => Types[type];

    /// <summary>BIO validity: I-X only continues B-X or I-X.</summary>
    /// <remarks>A table lookup: the decoders ask this for every tag of every history of every token.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsAllowed(int previous, int tag) => Allowed[(previous * Count) + tag];

    /// <summary>The tags allowed after <paramref name="previous"/>, in ascending order (O, every B-, and I-X after B-X or I-X).</summary>
    public static ReadOnlySpan<byte> AllowedAfter(int previous) =>
        previous == Outside ? AllowedNext[..5] : AllowedNext.Slice(6 * (TypeOf(previous) + 1), 6);

    // O, B-PER, B-LOC, B-ORG, B-MISC; then per type the same with its I- tag in place.
    private static ReadOnlySpan<byte> AllowedNext =>
    [
        0, 1, 3, 5, 7, 0,
        0, 1, 2, 3, 5, 7,
        0, 1, 3, 4, 5, 7,
        0, 1, 3, 5, 6, 7,
        0, 1, 3, 5, 7, 8,
    ];

    private static ReadOnlySpan<bool> Allowed =>
    [
        // tag:  O     B-PER  I-PER  B-LOC  I-LOC  B-ORG  I-ORG  B-MISC I-MISC      previous:
        true, true, false, true, false, true, false, true, false, // O
        true, true, true, true, false, true, false, true, false, // B-PER
        true, true, true, true, false, true, false, true, false, // I-PER
        true, true, false, true, true, true, false, true, false, // B-LOC
        true, true, false, true, true, true, false, true, false, // I-LOC
        true, true, false, true, false, true, true, true, false, // B-ORG
        true, true, false, true, false, true, true, true, false, // I-ORG
        true, true, false, true, false, true, false, true, true, // B-MISC
        true, true, false, true, false, true, false, true, true, // I-MISC
    ];

    /// <summary>Entity spans (token ranges with type) from a tag sequence; a stray I- starts an entity.</summary>
    public static List<(int Start, int End, int Type)> Spans(ReadOnlySpan<int> tags)
    {
        var spans = new List<(int, int, int)>();
        var start = -1;
        var type = -1;
        for (var i = 0; i <= tags.Length; i++)
        {
            var t = i < tags.Length ? tags[i] : 0;
            var continues = IsInside(t) && TypeOf(t) == type && start >= 0;
            if (!continues && start >= 0)
            {
                spans.Add((start, i, type));
                start = -1;
                type = -1;
            }

            if (t != 0 && !continues)
            {
                start = i;
                type = TypeOf(t);
            }
        }

        return spans;
    }
}
