namespace Pipeline.Analysis.Local.Text;

/// <summary>A span of the analyzed text in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}
