using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Pipeline.Core.Processing;

namespace Pipeline.Api.Queries;

/// <summary>
/// Answers of the query endpoints, kept in memory per request (path and query string) with an ETag. An answer is
/// served while this process has written nothing since (<see cref="ResultsVersion"/>) and it is younger than
/// <see cref="QueryCacheOptions.MaxAgeSeconds"/>, the bound on how stale another process's writes can leave it.
/// Concurrent misses for one key share one store read.
/// </summary>
public sealed class QueryCache(ResultsVersion results, TimeProvider time, IOptions<QueryCacheOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.Ordinal);
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;

    /// <summary>The cached answer for the request, or a fresh one from <paramref name="compute"/>.</summary>
    public async Task<CachedAnswer<T>> GetAsync<T>(HttpRequest request, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(compute);
        var maxAge = options.Value.MaxAgeSeconds;
        if (maxAge == 0)
        {
            return new CachedAnswer<T>(await compute(cancellationToken), null, 0, new JsonMemo());
        }

        var key = Key(request);
        for (var attempt = 0; ; attempt++)
        {
            if (_entries.Count >= options.Value.MaxEntries && !_entries.ContainsKey(key))
            {
                _entries.Clear();
            }

            var lazy = _entries.GetOrAdd(key, _ => NewEntry(compute));
            Entry entry;
            try
            {
                entry = await lazy.Value.WaitAsync(cancellationToken);
            }
            catch
            {
                // A failed read is not kept: the next request reads again. The error itself goes on up.
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy));
                throw;
            }

            // A stale entry is replaced once; an entry made for this very request is served even if a write
            // landed during its read (the next request reads again).
            if (attempt > 0 || IsFresh(entry, maxAge))
            {
                var remaining = (int)Math.Max(0, Math.Floor(maxAge - (time.GetUtcNow() - entry.Created).TotalSeconds));
                return new CachedAnswer<T>((T)entry.Value, entry.ETag, remaining, entry.Json);
            }

            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(key, lazy));
        }
    }

    private Lazy<Task<Entry>> NewEntry<T>(Func<CancellationToken, Task<T>> compute)
        where T : class
    {
        // Version and time are taken before the read: a write during it makes the answer stale, never falsely fresh.
        var version = results.Current;
        var created = time.GetUtcNow();
        return new Lazy<Task<Entry>>(async () =>
        {
            // Not the caller's token: the read is shared by every request waiting for it.
            var value = await compute(CancellationToken.None);
            var etag = $"\"{_instance}-{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}\"";
            return new Entry(value, etag, version, created, new JsonMemo());
        });
    }

    private bool IsFresh(Entry entry, int maxAge) =>
        entry.Version == results.Current && time.GetUtcNow() - entry.Created < TimeSpan.FromSeconds(maxAge);

    // The path and the parameters in a fixed order; the API key ("code") is not part of the question.
    private static string Key(HttpRequest request) =>
        request.Path.Value + "?" + string.Join("&", request.Query
            .Where(p => !string.Equals(p.Key, ApiRoutes.KeyQueryParameter, StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.Key.ToLowerInvariant() + "=" + string.Join(",", p.Value.Select(v => Uri.EscapeDataString(v ?? "")))));

    private sealed record Entry(object Value, string ETag, long Version, DateTimeOffset Created, JsonMemo Json);
}

/// <summary>The JSON of one cached answer, written once: serializing a large page costs more than serving it.</summary>
internal sealed class JsonMemo
{
    private byte[]? _json;

    public byte[] Get<T>(T body)
        where T : class =>
        // Two requests may both serialize the first time; they produce the same bytes.
        _json ??= JsonSerializer.SerializeToUtf8Bytes(body, (JsonTypeInfo<T>)ApiJsonContext.Default.GetTypeInfo(typeof(T))!);
}

/// <summary>An answer with its validator and how long a client may reuse it.</summary>
public sealed class CachedAnswer<T>
{
    private readonly JsonMemo _memo;

    internal CachedAnswer(T value, string? etag, int maxAgeSeconds, JsonMemo memo)
    {
        Value = value;
        ETag = etag;
        MaxAgeSeconds = maxAgeSeconds;
        _memo = memo;
    }

    public T Value { get; }

    /// <summary>Null when caching is off.</summary>
    public string? ETag { get; }

    /// <summary>Seconds left before the answer may be stale.</summary>
    public int MaxAgeSeconds { get; }

    /// <summary>The response body: <paramref name="body"/> (the answer itself, or the part of it that is sent) as JSON, written once per cached answer.</summary>
    public CachedJson<TBody> Json<TBody>(TBody body)
        where TBody : class => new(body, _memo.Get(body));

    /// <summary>Writes ETag and Cache-Control; true when the client's If-None-Match already names this answer (send 304).</summary>
    public bool WriteHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ETag is null)
        {
            context.Response.Headers.CacheControl = "no-cache";
            return false;
        }

        context.Response.Headers.ETag = ETag;
        context.Response.Headers.CacheControl = $"private, max-age={MaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
        var requested = context.Request.Headers.IfNoneMatch;
        return requested.Count > 0
            && EntityTagHeaderValue.TryParseList(requested, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || string.Equals(t.Tag.Value, ETag, StringComparison.Ordinal));
    }
}
