using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Local.KeyPhrases;

// PLACEHOLDER (owned by the language/key-phrase work).
public sealed class KeyPhraseExtractor
{
    public static KeyPhraseExtractor CreateDefault() => throw new NotImplementedException();

    /// <summary>Noun phrases ranked by salience, highest first.</summary>
    public IReadOnlyList<KeyPhrase> Extract(string text, IReadOnlyList<TextSpan> sentences, int maxPhrases) => throw new NotImplementedException();
}
