namespace Pipeline.Core.Aggregates;

/// <summary>
/// Which spelling of an entity is shown when articles disagree ("alice adams" vs "Alice Adams" share an id):
/// the one with more capitals, then the ordinally smaller. A total order, so totals get the same name
/// whatever order workers write in.
/// </summary>
public static class EntityNames
{
    public static string Prefer(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (ua, ub) = (a.Count(char.IsUpper), b.Count(char.IsUpper));
        return ua != ub ? (ua > ub ? a : b) : (string.CompareOrdinal(a, b) <= 0 ? a : b);
    }
}
