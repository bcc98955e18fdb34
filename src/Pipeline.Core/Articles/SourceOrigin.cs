using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Articles;

/// <summary>Where an article's outlet (<see cref="ArticleRecord.Source"/>) came from; absent when the outlet is unknown.</summary>
[Description("Where the article's outlet came from: metadata, page, url (the canonical URL's host) or path (the blob's leading folder); absent when the outlet is unknown.")]
[JsonConverter(typeof(JsonStringEnumConverter<SourceOrigin>))]
public enum SourceOrigin
{
    /// <summary>The uploader's blob metadata ("source").</summary>
    [JsonStringEnumMemberName("metadata")]
    Metadata,

    /// <summary>A field of the page: og:site_name, JSON-LD publisher, a JSON or front-matter field.</summary>
    [JsonStringEnumMemberName("page")]
    Page,

    /// <summary>The host of the article's canonical URL (metadata "url" or the page's).</summary>
    [JsonStringEnumMemberName("url")]
    Url,

    /// <summary>A leading folder of the blob's name that is a domain, e.g. "nbcnews.com/2016/06/10/slug.txt".</summary>
    [JsonStringEnumMemberName("path")]
    Path,
}
