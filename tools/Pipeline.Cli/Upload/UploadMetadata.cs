using System.CommandLine;
using System.Globalization;
using Pipeline.Core.Analysis;

namespace Pipeline.Cli.Upload;

/// <summary>
/// The metadata flags of <c>upload</c>: the blob metadata the pipeline honours over what the content says
/// (docs/ingestion.md). Each value is checked here, because a value the pipeline cannot use is ignored there.
/// </summary>
internal sealed class UploadMetadata
{
    public Option<string?> Source { get; } = Text("--source", "Publisher name, e.g. \"Valley Herald\".");
    public Option<string?> Title { get; } = Text("--title", "Headline (one file only).");
    public Option<string?> Author { get; } = Text("--author", "Author name.");
    public Option<string?> Published { get; } = Text("--published", "Publication date, ISO 8601 (2016-06-10 or 2016-06-10T08:00:00-04:00).");
    public Option<string?> Language { get; } = Text("--language", "ISO 639-1 code such as en; skips language detection.");
    public Option<string?> Url { get; } = Text("--url", "The article's absolute http(s) URL (one file only).");

    public UploadMetadata()
    {
        Published.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value
                && !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                result.AddError($"--published '{value}' is not an ISO 8601 date, e.g. 2016-06-10 or 2016-06-10T08:00:00Z.");
            }
        });
        Language.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !LanguageCodes.IsIso6391(value))
            {
                result.AddError($"--language '{value}' is not an ISO 639-1 code such as en, de or zh.");
            }
        });
        Url.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value
                && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            {
                result.AddError($"--url '{value}' is not an absolute http(s) URL.");
            }
        });
    }

    public IEnumerable<Option> All => [Source, Title, Author, Published, Language, Url];

    /// <summary>Options that describe a single article, so they make no sense with several files.</summary>
    public IEnumerable<Option<string?>> PerArticle => [Title, Url];

    public Dictionary<string, string> Read(ParseResult parse)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, option) in (ReadOnlySpan<(string, Option<string?>)>)
            [("source", Source), ("title", Title), ("author", Author), ("published", Published), ("language", Language), ("url", Url)])
        {
            if (parse.GetValue(option) is { } value)
            {
                metadata[key] = key == "language" ? value.ToLowerInvariant() : value.Trim();
            }
        }

        return metadata;
    }

    // Blob metadata travels as HTTP headers, which carry ASCII only: say so rather than fail mid-upload.
    private static Option<string?> Text(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    result.AddError($"{name} must not be empty.");
                }
                else if (value.Any(c => c is < ' ' or > '~'))
                {
                    result.AddError($"{name} must be printable ASCII: blob metadata is sent as HTTP headers. Put non-ASCII values in the file itself (HTML meta, JSON field, Markdown front matter).");
                }
            }
        });
        return option;
    }
}
