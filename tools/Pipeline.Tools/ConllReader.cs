using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Tools;

/// <summary>Reads token&lt;TAB&gt;BIO-tag files (blank line between sentences).</summary>
internal static class ConllReader
{
    public static List<LabelledSentence> Read(string file)
    {
        var sentences = new List<LabelledSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (var line in File.ReadLines(file).Append(""))
        {
            var parts = line.Split('\t');
            if (line.Trim().Length == 0 || parts.Length < 2)
            {
                if (tokens.Count > 0)
                {
                    sentences.Add(LabelledSentence.FromTokens(tokens, tags));
                    tokens.Clear();
                    tags.Clear();
                }

                continue;
            }

            if (parts[0] == "-DOCSTART-")
            {
                continue;
            }

            tokens.Add(parts[0].Trim().Length == 0 ? "_" : parts[0].Trim());
            tags.Add(parts[^1].Trim());
        }

        return sentences;
    }
}
