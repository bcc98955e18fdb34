namespace Pipeline.Core.Ingestion;

/// <summary>A node of the small HTML tree <see cref="HtmlTreeBuilder"/> builds: an element, or text when Name is null.</summary>
internal sealed class HtmlNode
{
    private HtmlNode(string? name, string text, Dictionary<string, string> attributes, HtmlNode? parent)
    {
        Name = name;
        Text = text;
        Attributes = attributes;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>Lowercase tag name; null for a text node.</summary>
    public string? Name { get; }

    /// <summary>Decoded text of a text node, or the raw content of script/style/title elements.</summary>
    public string Text { get; set; }

    public Dictionary<string, string> Attributes { get; }
    public HtmlNode? Parent { get; }

    /// <summary>Distance from the document root.</summary>
    public int Depth { get; }
    public List<HtmlNode> Children { get; } = [];

    public bool IsText => Name is null;

    public static HtmlNode Element(string name, Dictionary<string, string> attributes, HtmlNode? parent) => new(name, "", attributes, parent);

    public static HtmlNode TextNode(string text, HtmlNode parent) => new(null, text, [], parent);

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the class, id or role attribute contains the token (split on spaces, '-' and '_').</summary>
    public bool HasMarker(IReadOnlySet<string> markers)
    {
        foreach (var attribute in (ReadOnlySpan<string>)["class", "id", "role"])
        {
            if (Attribute(attribute) is { } value)
            {
                foreach (var token in value.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (markers.Contains(token))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    public IEnumerable<HtmlNode> Descendants()
    {
        var stack = new Stack<HtmlNode>();
        for (var i = Children.Count - 1; i >= 0; i--)
        {
            stack.Push(Children[i]);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    public IEnumerable<HtmlNode> Elements(string name) => Descendants().Where(n => n.Name == name);

    /// <summary>All text below this node, whitespace collapsed.</summary>
    public string InnerText()
    {
        if (IsText)
        {
            return TextNormalizer.NormalizeLine(Text);
        }

        var parts = Descendants().Where(n => n.IsText && n.Parent?.Name is not ("script" or "style")).Select(n => n.Text);
        return TextNormalizer.NormalizeLine(string.Join(' ', parts));
    }
}
