namespace Pipeline.Analysis.Local.Text;

internal static class TextSpans
{
    /// <summary>
    /// The spans as a span: a list's own storage (the tokenizer returns lists), else a copy. Hot loops read a few
    /// neighbouring tokens per token, which through the interface costs a call each.
    /// </summary>
    public static ReadOnlySpan<TextSpan> AsSpan(IReadOnlyList<TextSpan> spans) =>
        spans is List<TextSpan> list ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : spans.ToArray();
}
