using System.Text;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>Test articles written for these tests (no scraped text): sentences appended until a length is reached.</summary>
internal sealed class ArticleBuilder
{
    private readonly StringBuilder _text = new();

    public ArticleBuilder Sentence(string sentence)
    {
        if (_text.Length > 0)
        {
            _text.Append(' ');
        }

        _text.Append(sentence);
        return this;
    }

    /// <summary>Repeats neutral filler sentences until the article is at least <paramref name="length"/> long.</summary>
    public ArticleBuilder FillTo(int length, string filler = "The committee reviewed the budget figures in detail.")
    {
        while (_text.Length < length)
        {
            Sentence(filler);
        }

        return this;
    }

    public int Length => _text.Length;

    public string Build() => _text.ToString();
}
