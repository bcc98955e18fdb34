using AngleSharp.Dom;

namespace Pipeline.Core.Ingestion;

/// <summary>Visible text below an element: non-space characters, of them inside links, commas, paragraphs.</summary>
internal readonly record struct BlockStats(int Text, int Link, int Commas, int Paragraphs)
{
    public double LinkDensity => Text == 0 ? 0 : (double)Link / Text;

    public static BlockStats operator +(BlockStats a, BlockStats b) =>
        new(a.Text + b.Text, a.Link + b.Link, a.Commas + b.Commas, a.Paragraphs + b.Paragraphs);
}

/// <summary>
/// <see cref="BlockStats"/> for every element of a page, computed in one post-order pass. Text the reader never sees
/// (<see cref="PageFurniture.IsNeverText"/>) counts as nothing, so an element holding only whitespace, scripts or
/// hidden blocks has no text.
/// </summary>
internal sealed class TextStats
{
    private readonly Dictionary<IElement, BlockStats> _stats = new(ReferenceEqualityComparer.Instance);

    private TextStats()
    {
    }

    public BlockStats this[IElement element] => _stats.GetValueOrDefault(element);

    public static TextStats Compute(IElement root)
    {
        var result = new TextStats();
        var stack = new Stack<(INode Node, bool Done)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, done) = stack.Pop();
            if (node is not IElement element)
            {
                continue;
            }

            if (done)
            {
                result._stats[element] = result.Sum(element);
                continue;
            }

            if (PageFurniture.IsNeverText(element))
            {
                continue;
            }

            stack.Push((element, true));
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }

        return result;
    }

    private BlockStats Sum(IElement element)
    {
        var total = default(BlockStats);
        foreach (var child in element.ChildNodes)
        {
            total += child switch
            {
                IText text => Count(text.Data),
                IElement e => this[e],
                _ => default,
            };
        }

        if (element.LocalName == "a")
        {
            total = total with { Link = total.Text };
        }
        else if (element.LocalName == "p")
        {
            total = total with { Paragraphs = total.Paragraphs + 1 };
        }

        return total;
    }

    public static BlockStats Count(string text)
    {
        int chars = 0, commas = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                chars++;
                if (c is ',' or '，' or '،' or '、')
                {
                    commas++;
                }
            }
        }

        return new BlockStats(chars, 0, commas, 0);
    }
}
