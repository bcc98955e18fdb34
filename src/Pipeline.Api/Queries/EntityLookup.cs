using Pipeline.Core.Queries;

namespace Pipeline.Api.Queries;

/// <summary>Finds the entity a caller means: by id ("person-bernie-sanders") or by name ("Bernie Sanders").</summary>
internal static class EntityLookup
{
    /// <param name="value">An id or a name.</param>
    /// <param name="category">When a name belongs to several categories ("Washington": Person, Location), the one meant; null: the most covered.</param>
    /// <param name="queries">The store.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public static async Task<EntitySummary?> FindAsync(string value, string? category, IArticleQueries queries, CancellationToken cancellationToken)
    {
        if (IsIdShaped(value) && await queries.GetEntityAsync(value, cancellationToken) is { } byId && Matches(byId, category))
        {
            return byId;
        }

        var matches = await queries.FindEntitiesByNameAsync(value, cancellationToken);
        return matches.FirstOrDefault(m => Matches(m, category));
    }

    private static bool Matches(EntitySummary entity, string? category) =>
        category is null || string.Equals(entity.Category, category, StringComparison.OrdinalIgnoreCase);

    private static bool IsIdShaped(string value) =>
        value.Length is > 2 and <= 250 && value.Contains('-', StringComparison.Ordinal) && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
