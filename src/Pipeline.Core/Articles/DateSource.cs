using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Articles;

/// <summary>Where an article's date came from, in the order they are tried. Serialized in lower case.</summary>
[Description("Where the article's date came from: metadata, page, path, text, or upload (undated: its only date is the upload time).")]
[JsonConverter(typeof(JsonStringEnumConverter<DateSource>))]
public enum DateSource
{
    /// <summary>The uploader's blob metadata ("published").</summary>
    [JsonStringEnumMemberName("metadata")]
    Metadata,

    /// <summary>A field of the page itself: HTML meta tags or JSON-LD, a JSON field, Markdown front matter.</summary>
    [JsonStringEnumMemberName("page")]
    Page,

    /// <summary>A date in the blob's name, e.g. "2016/06/10/slug.html" or "2016-06-10-slug.txt".</summary>
    [JsonStringEnumMemberName("path")]
    Path,

    /// <summary>A dateline or "Published June 10, 2016" line in the text.</summary>
    [JsonStringEnumMemberName("text")]
    Text,

    /// <summary>No date found: the article is filed under its upload time and counted as undated, never placed in time series by it.</summary>
    [JsonStringEnumMemberName("upload")]
    Upload,
}
