using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Functions.Tests.Support;

/// <summary>
/// Builds blob-trigger invocation payloads the way the Functions host sends them to a custom handler
/// (spec section 1.5 and the payloads captured from host 4.1037 in section 7): content base64 in
/// Data.{binding}; scalar metadata JSON-encoded twice; Properties as an object; no BlobTrigger key.
/// </summary>
public sealed class HostPayloadBuilder
{
    private const string LegacyETag = "\"0x21541083C0AEA00\"";
    private JsonNode? _content = Convert.ToBase64String(Encoding.UTF8.GetBytes("second blob body"));
    private string _binding = "article";
    private string? _name = "dir/second.txt";
    private string? _uri = "http://127.0.0.1:10000/devstoreaccount1/articles/dir/second.txt";
    private bool _doubleEncode = true;
    private JsonObject? _properties = LegacyProperties(16, LegacyETag, "text/plain", "2026-11-22T15:43:22+00:00");
    private readonly JsonObject _userMetadata = new() { ["origin"] = "upload-test" };

    public static HostPayloadBuilder Blob() => new();

    public HostPayloadBuilder WithContent(byte[] content)
    {
        _content = Convert.ToBase64String(content);
        return WithLength(content.Length);
    }

    public HostPayloadBuilder WithContent(string text) => WithContent(Encoding.UTF8.GetBytes(text));

    /// <summary>Data.{binding} exactly as given (e.g. not base64, or a number).</summary>
    public HostPayloadBuilder WithRawContent(JsonNode? content)
    {
        _content = content;
        return this;
    }

    public HostPayloadBuilder WithoutContent()
    {
        _content = null;
        return this;
    }

    public HostPayloadBuilder WithBinding(string binding)
    {
        _binding = binding;
        return this;
    }

    /// <summary>Metadata.name (the {name} of path "articles/{name}"); null leaves it out.</summary>
    public HostPayloadBuilder WithName(string? name)
    {
        _name = name;
        return this;
    }

    public HostPayloadBuilder WithUri(string? uri)
    {
        _uri = uri;
        return this;
    }

    /// <summary>Send scalars as plain JSON strings instead of the host's double encoding.</summary>
    public HostPayloadBuilder WithPlainStrings()
    {
        _doubleEncode = false;
        return this;
    }

    public HostPayloadBuilder WithUserMetadata(string key, string value)
    {
        _userMetadata[key] = value;
        return this;
    }

    public HostPayloadBuilder WithProperties(JsonObject? properties)
    {
        _properties = properties;
        return this;
    }

    /// <summary>The Azure.Storage.Blobs BlobProperties shape (extension 5.x), as Newtonsoft serialises it.</summary>
    public HostPayloadBuilder WithNewShapeProperties(long length, JsonNode? eTag, string contentType, string lastModified)
    {
        _properties = new JsonObject
        {
            ["LastModified"] = lastModified,
            ["CreatedOn"] = lastModified,
            ["Metadata"] = new JsonObject(),
            ["BlobType"] = 0,
            ["ContentLength"] = length,
            ["ContentType"] = contentType,
            ["ETag"] = eTag,
            ["ContentHash"] = "HwuKfW+yyEVak6nLj7gORg==",
            ["LeaseState"] = 0,
            ["AccessTier"] = "Hot",
            ["IsServerEncrypted"] = true,
        };
        return this;
    }

    public static JsonObject LegacyProperties(long length, string eTag, string contentType, string lastModified) => new()
    {
        ["CacheControl"] = null,
        ["ContentDisposition"] = null,
        ["ContentEncoding"] = null,
        ["ContentLanguage"] = null,
        ["Length"] = length,
        ["ContentMD5"] = "HwuKfW+yyEVak6nLj7gORg==",
        ["ContentType"] = contentType,
        ["ETag"] = eTag,
        ["Created"] = lastModified,
        ["LastModified"] = lastModified,
        ["BlobType"] = 2,
        ["LeaseStatus"] = 2,
        ["LeaseState"] = 1,
        ["LeaseDuration"] = 0,
        ["PageBlobSequenceNumber"] = null,
        ["AppendBlobCommittedBlockCount"] = null,
        ["IsServerEncrypted"] = true,
        ["IsIncrementalCopy"] = false,
        ["StandardBlobTier"] = 1,
        ["RehydrationStatus"] = null,
        ["PremiumPageBlobTier"] = null,
        ["BlobTierInferred"] = true,
        ["BlobTierLastModifiedTime"] = lastModified,
        ["DeletedTime"] = null,
        ["RemainingDaysBeforePermanentDelete"] = null,
    };

    public JsonObject BuildNode()
    {
        var data = new JsonObject();
        if (_content is not null)
        {
            data[_binding] = _content.DeepClone();
        }

        var metadata = new JsonObject();
        if (_uri is not null)
        {
            metadata["Uri"] = Scalar(_uri);
        }

        if (_properties is not null)
        {
            metadata["Properties"] = _properties.DeepClone();
        }

        metadata["Metadata"] = _userMetadata.DeepClone();
        if (_name is not null)
        {
            metadata["name"] = Scalar(_name);
        }

        metadata["sys"] = new JsonObject
        {
            ["MethodName"] = "ProcessArticle",
            ["UtcNow"] = "2026-11-22T15:43:24.3704483Z",
            ["RandGuid"] = "36d1a564-0d91-4ecf-979a-14ccc851cd48",
        };
        return new JsonObject { ["Data"] = data, ["Metadata"] = metadata };
    }

    public string Build() => BuildNode().ToJsonString();

    private JsonNode Scalar(string value) => _doubleEncode ? JsonSerializer.Serialize(value) : value;

    private HostPayloadBuilder WithLength(long length)
    {
        if (_properties is not null)
        {
            _properties[_properties.ContainsKey("ContentLength") ? "ContentLength" : "Length"] = length;
        }

        return this;
    }
}
